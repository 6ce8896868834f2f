using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Alerts;

/// <summary>
/// The pre-filter of alert matching: for a query, a set of terms such that every document the query matches
/// holds at least one of them (null when no such set is known: match-all, prefix, range and fuzzy queries).
/// An article is then run only against the queries one of whose terms it holds. A term query needs its term;
/// a phrase any one of its terms (the rarest is kept); a boolean query the cheapest set of its required clauses,
/// or, with optional clauses only, the union of theirs (any one of them must match). Prohibited clauses never
/// narrow the set. Cheapness is the summed document frequency in the index, so a rare word is preferred to "said".
/// </summary>
public static class RequiredTerms
{
    /// <summary>The key an article's term is looked up under: field and term text.</summary>
    public static string Key(string field, string text) => string.Concat(field, "\u0000", text);

    /// <param name="query">The parsed query.</param>
    /// <param name="documentFrequency">How many indexed articles hold a term (a cost; 0 when unknown).</param>
    public static HashSet<string>? Of(Query query, Func<Term, long> documentFrequency) =>
        Find(query, documentFrequency)?.Keys;

    private static Requirement? Find(Query query, Func<Term, long> df)
    {
        switch (query)
        {
            case TermQuery term:
                return Requirement.Of([term.Term], df);
            case PhraseQuery phrase:
                var terms = phrase.GetTerms();
                return terms.Length == 0 ? null : Requirement.Of([terms.MinBy(t => df(t))!], df);
            case MultiPhraseQuery multi:
                var first = multi.GetTermArrays().FirstOrDefault();
                return first is null || first.Length == 0 ? null : Requirement.Of(first, df);
            case ConstantScoreQuery { Query: { } inner }:
                return Find(inner, df);
            case DisjunctionMaxQuery max:
                return Union(max.Disjuncts.Select(q => Find(q, df)).ToList());
            case BooleanQuery boolean:
                return FindBoolean(boolean, df);
            default:
                return null;
        }
    }

    private static Requirement? FindBoolean(BooleanQuery boolean, Func<Term, long> df)
    {
        var required = boolean.Clauses.Where(c => c.Occur == Occur.MUST).ToList();
        if (required.Count > 0)
        {
            return required.Select(c => Find(c.Query, df)).Where(r => r is not null).MinBy(r => r!.Cost);
        }

        var optional = boolean.Clauses.Where(c => c.Occur == Occur.SHOULD).ToList();
        return optional.Count == 0 ? null : Union(optional.Select(c => Find(c.Query, df)).ToList());
    }

    /// <summary>Any one of several parts may match: their union, or null when one part is unconstrained.</summary>
    private static Requirement? Union(List<Requirement?> parts)
    {
        if (parts.Count == 0 || parts.Any(p => p is null))
        {
            return null;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        long cost = 0;
        foreach (var part in parts)
        {
            keys.UnionWith(part!.Keys);
            cost += part.Cost;
        }

        return new Requirement(keys, cost);
    }

    private sealed record Requirement(HashSet<string> Keys, long Cost)
    {
        public static Requirement Of(IEnumerable<Term> terms, Func<Term, long> df)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            long cost = 0;
            foreach (var term in terms)
            {
                if (keys.Add(Key(term.Field, term.Text)))
                {
                    // +1: with no index to ask, a smaller set is still the cheaper one.
                    cost += df(term) + 1;
                }
            }

            return new Requirement(keys, cost);
        }
    }
}
