using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace Search.Core.Querying.Highlighting;

/// <summary>
/// Turns the positive parts of a user query on one field into span queries, whose matches are exact
/// positions: a phrase becomes one SpanNear (so only the phrase is marked, never its words elsewhere),
/// a term a SpanTerm, a prefix or wildcard a span wrapper limited to its 64 most frequent expansions.
/// Prohibited clauses (NOT, -) are skipped: they match nothing in a hit.
/// </summary>
public static class SpanQueryExtractor
{
    private const int MaxExpansions = 64;

    public static IReadOnlyList<SpanQuery> Extract(Query query, string field)
    {
        var spans = new List<SpanQuery>();
        Collect(query, field, spans);
        return spans;
    }

    private static void Collect(Query query, string field, List<SpanQuery> spans)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (clause.Occur != Occur.MUST_NOT)
                    {
                        Collect(clause.Query, field, spans);
                    }
                }

                break;
            case DisjunctionMaxQuery disjunction:
                foreach (var disjunct in disjunction)
                {
                    Collect(disjunct, field, spans);
                }

                break;
            case TermQuery term when term.Term.Field == field:
                spans.Add(new SpanTermQuery(term.Term));
                break;
            case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } terms && terms[0].Field == field:
                if (terms.Length == 1)
                {
                    spans.Add(new SpanTermQuery(terms[0]));
                }
                else
                {
                    // Lucene's sloppy phrases may reorder words; SpanNear does too when not in order.
                    var clauses = terms.Select(t => (SpanQuery)new SpanTermQuery(t)).ToArray();
                    spans.Add(new SpanNearQuery(clauses, phrase.Slop, inOrder: phrase.Slop == 0));
                }

                break;
            case MultiTermQuery multiTerm when multiTerm.Field == field:
                spans.Add(new SpanMultiTermQueryWrapper<MultiTermQuery>(multiTerm)
                {
                    MultiTermRewriteMethod = new SpanMultiTermQueryWrapper<MultiTermQuery>.TopTermsSpanBooleanQueryRewrite(MaxExpansions),
                });
                break;
        }
    }
}
