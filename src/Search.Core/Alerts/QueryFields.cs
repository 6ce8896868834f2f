using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Alerts;

/// <summary>The index fields a parsed query reads, so an article is analysed only for the fields some alert needs.</summary>
internal static class QueryFields
{
    /// <summary>Every field users may query: the safe answer for a query type this walker does not know.</summary>
    private static readonly string[] AllQueryable =
    [
        ArticleFields.Title, ArticleFields.Body, ArticleFields.Outlet, ArticleFields.Speaker,
        ArticleFields.Quote, ArticleFields.Source, ArticleFields.PublishedDays,
    ];

    public static HashSet<string> Of(Query query)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        Collect(query, fields);
        return fields;
    }

    private static void Collect(Query query, HashSet<string> fields)
    {
        switch (query)
        {
            case MatchAllDocsQuery:
                break;
            case TermQuery term:
                fields.Add(term.Term.Field);
                break;
            case PhraseQuery phrase:
                fields.UnionWith(phrase.GetTerms().Select(t => t.Field));
                break;
            case MultiPhraseQuery multi:
                fields.UnionWith(multi.GetTermArrays().SelectMany(a => a).Select(t => t.Field));
                break;
            case MultiTermQuery multiTerm:
                fields.Add(multiTerm.Field);
                break;
            case ConstantScoreQuery { Query: { } inner }:
                Collect(inner, fields);
                break;
            case DisjunctionMaxQuery max:
                foreach (var disjunct in max.Disjuncts)
                {
                    Collect(disjunct, fields);
                }

                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    Collect(clause.Query, fields);
                }

                break;
            default:
                fields.UnionWith(AllQueryable);
                break;
        }
    }
}
