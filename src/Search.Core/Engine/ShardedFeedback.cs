using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Engine;

/// <summary>
/// expand=prf over shards, as one index runs it (#22): the first pass's global top <see cref="RelevanceFeedback.Documents"/>
/// articles (every shard's best, merged by score then id, filters ignored as on one index), their words, and which
/// of them are too common by the document frequencies summed over shards; the chosen words go to every shard with the
/// query, so each ranks with the same expansion.
/// </summary>
internal static class ShardedFeedback
{
    /// <summary>Whether one index would expand this request (<see cref="SearchSteps.Rank"/>).</summary>
    public static bool Applies(SearchRequest aliased) =>
        aliased.Expansion == QueryExpansion.Prf && aliased.Sort == SearchSort.Relevance && ProximityBoost.IsPlainWords(aliased.Query);

    /// <param name="query">The query the shards will run.</param>
    /// <param name="aliased">The request with its aliases expanded.</param>
    /// <param name="analyzer">The analyzer of the body field.</param>
    /// <param name="top">Runs the dfs and query phases of a query and returns the shards' results.</param>
    /// <param name="statistics">Runs the dfs phase of a query and returns the shards' statistics, summed.</param>
    /// <param name="article">Reads one stored article from the shard that owns it.</param>
    public static async Task<ShardQuery> AddAsync(ShardQuery query, SearchRequest aliased, ArticleAnalyzer analyzer,
        Func<ShardQuery, Task<ShardQueryResult?[]>> top, Func<ShardQuery, Task<ShardStatistics>> statistics, Func<string, Task<Article>> article)
    {
        if (!Applies(aliased))
        {
            return query;
        }

        // One index's first pass ranks every article (the collector applies the filters, not the ranking query).
        var first = new ShardQuery(new SearchRequest
        {
            Query = query.Request.Query,
            Operator = query.Request.Operator,
            Size = RelevanceFeedback.Documents,
            IncludeFacets = false,
        });
        var results = await top(first);
        var best = ShardHitMerge.Merge(SearchCollection.CreateSort(SearchSort.Relevance), [.. results.Select(r => r?.Hits)], 0, RelevanceFeedback.Documents);
        if (best.Count == 0)
        {
            return query;
        }

        var articles = await Task.WhenAll(best.Select(hit => article(hit.Hit.Id)));
        var feedback = articles.Select((a, i) => (RelevanceFeedback.DocumentTerms(analyzer, a.Title, a.Body), best[i].Hit.Score)).ToList();
        var words = feedback.SelectMany(f => f.Item1).Distinct(StringComparer.Ordinal).ToList();
        // Document frequencies summed over shards, in parts: a query of more words than a BooleanQuery's 1,024 clauses fails.
        var parts = await Task.WhenAll(words.Chunk(500).Select(part => statistics(new ShardQuery(new SearchRequest { IncludeFacets = false }, part, ""))));
        var docFreqs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var term in parts.SelectMany(p => p.Terms).Where(t => t.Field == ArticleFields.Body))
        {
            docFreqs[System.Text.Encoding.UTF8.GetString(term.Term)] = term.DocFreq;
        }

        var maxDoc = parts.Length == 0 ? 0 : parts[0].MaxDoc;
        var expansion = RelevanceFeedback.ExpansionTerms(feedback, RelevanceFeedback.Terms,
            term => docFreqs.GetValueOrDefault(term) > RelevanceFeedback.MaxDocumentShare * maxDoc);
        return expansion.Count == 0 ? query : query with { FeedbackTerms = [.. expansion.Select(e => e.Term)], FeedbackWeights = [.. expansion.Select(e => e.Weight)] };
    }
}
