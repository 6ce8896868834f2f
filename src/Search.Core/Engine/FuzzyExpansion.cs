using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Engine;

/// <summary>
/// One expansion of the fuzzy terms for the whole index. A fuzzy term keeps its best
/// <see cref="FuzzyQuery.DefaultMaxExpansions"/> words, ranked by similarity boost, then by the word's bytes; the
/// boost depends on the word alone, so the index-wide best are among the union of each shard's best. Each shard
/// reports its expansions in the dfs phase (<see cref="Collect"/>); when their union holds more words than the limit,
/// the coordinator picks the index-wide best (<see cref="Choose"/>) and every shard expands to those alone
/// (<see cref="Restrict"/>), so matches and scores are one index's.
/// </summary>
public static class FuzzyExpansion
{
    /// <summary>The expansions of the fuzzy terms in <paramref name="query"/> on this shard; null when it has none.</summary>
    public static IReadOnlyList<FuzzyTerms>? Collect(IndexReader reader, Query query)
    {
        var fuzzy = FuzzyQueries(query).ToList();
        if (fuzzy.Count == 0)
        {
            return null;
        }

        return [.. fuzzy.Select(q =>
        {
            var clauses = q.Rewrite(reader) is BooleanQuery rewritten ? rewritten.Clauses.Select(c => c.Query).OfType<TermQuery>().ToList() : [];
            return new FuzzyTerms(q.Term.Field, q.Term.Text, q.MaxEdits, q.PrefixLength,
                [.. clauses.Select(c => c.Term.Text)], [.. clauses.Select(c => c.Boost)]);
        })];
    }

    /// <summary>
    /// The index-wide words of each fuzzy term, from every shard's expansions; null when no fuzzy term has more words
    /// over the shards than its limit (then each shard already expanded to all of the index's words it holds).
    /// </summary>
    public static IReadOnlyList<FuzzyTerms>? Choose(IEnumerable<ShardStatistics?> shards)
    {
        var byKey = new Dictionary<(string, string, int, int), (FuzzyTerms First, Dictionary<string, float> Words)>();
        foreach (var expansion in shards.SelectMany(s => s?.Fuzzy ?? []))
        {
            if (!byKey.TryGetValue(expansion.Key, out var entry))
            {
                byKey[expansion.Key] = entry = (expansion, new Dictionary<string, float>(StringComparer.Ordinal));
            }

            for (var i = 0; i < expansion.Terms.Count; i++)
            {
                entry.Words[expansion.Terms[i]] = expansion.Boosts![i];
            }
        }

        if (byKey.Values.All(entry => entry.Words.Count <= FuzzyQuery.DefaultMaxExpansions))
        {
            return null;
        }

        return [.. byKey.Values.Select(entry => entry.First with
        {
            Terms = [.. entry.Words
                .OrderByDescending(word => word.Value)
                .ThenBy(word => word.Key, Utf8Order.Instance)
                .Take(FuzzyQuery.DefaultMaxExpansions)
                .Select(word => word.Key)],
            Boosts = null,
        })];
    }

    /// <summary><paramref name="query"/> with each fuzzy term of <paramref name="chosen"/> kept to its chosen words.</summary>
    public static Query Restrict(Query query, IReadOnlyList<FuzzyTerms>? chosen)
    {
        if (chosen is null)
        {
            return query;
        }

        var byKey = chosen.ToDictionary(c => c.Key);
        return Replace(query, byKey);
    }

    private static Query Replace(Query query, Dictionary<(string, string, int, int), FuzzyTerms> chosen)
    {
        switch (query)
        {
            case FuzzyQuery fuzzy when chosen.TryGetValue((fuzzy.Term.Field, fuzzy.Term.Text, fuzzy.MaxEdits, fuzzy.PrefixLength), out var words):
                return new ChosenWordsFuzzyQuery(fuzzy, words.Terms) { Boost = fuzzy.Boost };
            case BooleanQuery boolean:
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    copy.Add(Replace(clause.Query, chosen), clause.Occur);
                }

                return copy;
            case DisjunctionMaxQuery dismax:
                var disjuncts = new DisjunctionMaxQuery(dismax.TieBreakerMultiplier) { Boost = dismax.Boost };
                foreach (var disjunct in dismax.Disjuncts)
                {
                    disjuncts.Add(Replace(disjunct, chosen));
                }

                return disjuncts;
            default:
                return query;
        }
    }

    private static IEnumerable<FuzzyQuery> FuzzyQueries(Query query) => query switch
    {
        FuzzyQuery fuzzy => [fuzzy],
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => FuzzyQueries(c.Query)),
        DisjunctionMaxQuery dismax => dismax.Disjuncts.SelectMany(FuzzyQueries),
        _ => [],
    };

    /// <summary>A fuzzy query that expands only to the words given (its boosts and rewrite are the fuzzy query's own).</summary>
    private sealed class ChosenWordsFuzzyQuery(FuzzyQuery fuzzy, IReadOnlyList<string> words)
        : FuzzyQuery(fuzzy.Term, fuzzy.MaxEdits, fuzzy.PrefixLength)
    {
        private readonly HashSet<BytesRef> _words = [.. words.Select(word => new BytesRef(word))];

        protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts) => new ChosenTermsEnum(base.GetTermsEnum(terms, atts), _words);
    }

    private sealed class ChosenTermsEnum(TermsEnum inner, HashSet<BytesRef> words) : FilteredTermsEnum(inner, startWithSeek: false)
    {
        protected override AcceptStatus Accept(BytesRef term) => words.Contains(term) ? AcceptStatus.YES : AcceptStatus.NO;
    }

    /// <summary>Words in the order of their UTF-8 bytes, as Lucene orders terms.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y) => Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
    }
}
