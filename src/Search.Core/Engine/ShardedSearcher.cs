using System.Diagnostics;
using Lucene.Net.Search;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;
using Search.Core.Querying.Trending;

namespace Search.Core.Engine;

/// <summary>
/// The coordinator of a sharded search, in three phases over <see cref="IShard"/>s (Elasticsearch's
/// dfs_query_then_fetch): (1) dfs — each shard's statistics for the query, summed (<see cref="IndexStatistics"/>);
/// (2) query — each shard collects its best (score or day, id) hits with those sums and counts every facet
/// value; hits are merged by sort value then id (<see cref="TopDocs.Merge(Sort, int, int, TopDocs[])"/>) and the
/// counts summed (<see cref="ShardFacetMerger"/>); (3) fetch — stored fields and snippets for the page's hits
/// only, from the shards holding them. The shard side is <see cref="ShardSearchSteps"/>, the pipeline's own steps.
/// Answers equal one index's (totals, facets, order, scores, cursors) except where the remarks say.
/// </summary>
/// <remarks>
/// expand=prf takes its words from the global top documents (<see cref="ShardedFeedback"/>), as one index does, and a
/// fuzzy term (word~) expands to the index-wide best words (<see cref="FuzzyExpansion"/>).
/// Approximations, by design (measured in docs/scale-out.md): collapse=story
/// collapses within each shard (a story whose copies hashed to k shards can appear up to k times; the story count
/// is the sum over shards); similar articles look for the words the
/// owning shard finds distinctive (scored index-wide); /suggest sums each shard's best entries.
/// The timeline (histogram=) is exact: each shard counts its matches per day and the coordinator sums them.
/// terms=significant samples the global best matches, ties by id as one index breaks them. When shards fail to answer, the
/// response says partial: true and lists them; when none answers, <see cref="ShardsUnavailableException"/>.
/// </remarks>
public sealed partial class ShardedSearcher : IDisposable
{
    private readonly IReadOnlyList<IShard> _shards;
    private readonly ShardRouter _router;
    private readonly SearchOptions _options;
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly SearchSteps _steps;
    private readonly ShardedSignificantTerms _trending;
    private readonly ShardSpeakerAliases _speakers;

    private readonly SearchResultCache? _cache;

    /// <param name="shards">The shards, in shard order: one for one index.</param>
    /// <param name="options">Limits, timeout and facet size.</param>
    /// <param name="synonyms">Aliases expanded before parsing; none when null.</param>
    /// <param name="cache">
    /// Whole answers kept until the index changes: used over one shard in this process (one index), whose reader
    /// tells when the index changed; none when null.
    /// </param>
    public ShardedSearcher(IReadOnlyList<IShard> shards, SearchOptions options, SynonymExpander? synonyms = null, SearchResultCache? cache = null)
    {
        _shards = shards;
        _cache = cache;
        _router = new ShardRouter(shards.Count);
        _options = options;
        _steps = new SearchSteps(_analyzer, synonyms ?? SynonymExpander.Empty, options.MaxPhraseSlop);
        _trending = new ShardedSignificantTerms(shards, options);
        _speakers = new ShardSpeakerAliases(shards);
    }

    /// <summary>
    /// A search as the API serves it. The response always reports the query as typed; with <paramref name="fuzzy"/>
    /// a "did you mean" suggestion, and with <see cref="FuzzyMode.Auto"/> the suggestion's results when the query as
    /// typed found nothing.
    /// </summary>
    public async Task<SearchResponse> SearchAsync(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken)
    {
        SearchRequestValidator.Validate(request, _options);
        if (_cache is not { Capacity: > 0 } || _shards is not [LocalShard local])
        {
            return await SearchWithSuggestionAsync(request, fuzzy, cancellationToken);
        }

        // One index: its reader tells whether the answer may be cached. A cache hit returns the very instance stored
        // (marked cached, no engine time), so callers may memoise work on it. A lone local shard answers on this
        // thread (ShardCall), so the search completes here.
        using var lease = local.Index.AcquireSearcher();
        SearchResponse? fresh = null;
        var response = _cache.GetOrAdd(lease.Context, SearchResultCache.KeyOf(request, fuzzy.ToString()), () =>
        {
            fresh = SearchWithSuggestionAsync(request, fuzzy, cancellationToken).GetAwaiter().GetResult();
            return fresh with { TookMs = 0, Cached = true };
        });
        return fresh ?? response;
    }

    private async Task<SearchResponse> SearchWithSuggestionAsync(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken)
    {
        var response = await ExecuteAsync(request, cancellationToken);
        if (fuzzy == FuzzyMode.Off || response.Partial == true)
        {
            return response;
        }

        if (await SuggestAsync(request.Query) is not { } suggestion)
        {
            return response;
        }

        if (fuzzy == FuzzyMode.Auto && response.Total == 0)
        {
            var corrected = await ExecuteAsync(request with { Query = suggestion }, cancellationToken);
            return corrected with { Query = response.Query, Suggestion = suggestion, SuggestionApplied = true };
        }

        return response with { Suggestion = suggestion, SuggestionApplied = false };
    }

    private async Task<SearchResponse> ExecuteAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        // Syntax errors are the client's: found here, once, before any shard is asked.
        // A lone shard in this process parses the request itself, and its syntax errors are the same.
        var aliased = _shards is [LocalShard] ? _steps.Alias(request) : _steps.Parse(request).Aliased;
        var after = request.After is null ? null : SearchCursor.Decode(request.After, request.Sort);
        var skip = after is null ? (request.Page - 1) * request.Size : 0;
        // A lone shard's facets are final: it sends its top values, not every value for a sum.
        var ranked = await ShardedFeedback.AddAsync(new ShardQuery(request, FacetTop: _shards.Count == 1 ? _options.FacetSize : 0), aliased, _analyzer,
            async first => (await QueryPhasesAsync(first, cancellationToken)).Results,
            async dfs => ShardStatistics.Sum((await FanOutAsync(shard => shard.CollectStatisticsAsync(dfs), cancellationToken)).OfType<ShardStatistics>()),
            GetArticleAsync);
        // A lone shard is the whole index: query and fetch in one call, with its own statistics and aliases.
        var (results, missing, aliases, query) = _shards.Count == 1
            ? ([await ShardCall.OnAsync(0, () => _shards[0].SearchAloneAsync(ranked))], [], null, ranked)
            : await QueryPhasesAsync(ranked, cancellationToken);

        var sort = SearchCollection.CreateSort(request.Sort);
        // A lone shard's hits start at the page already.
        var merged = ShardHitMerge.Merge(sort, [.. results.Select(r => r?.Hits)], _shards.Count == 1 ? 0 : skip,
            request.CollapseStories ? request.Size : request.Size + 1);
        var page = merged.Take(request.Size).ToList();
        var next = !request.CollapseStories && merged.Count > request.Size && page.Count > 0 ? SearchCursor.Encode(request.Sort, page[^1].Doc) : null;
        var (fetched, failed) = results is [{ Page: { } alone }]
            ? (Fetched(page, alone.ToDictionary(hit => hit.Id, StringComparer.Ordinal)), [])
            : await FetchAsync(query, page, cancellationToken);
        var hits = aliases is null ? fetched : fetched.ConvertAll(hit => hit with { Speakers = aliases.Present(hit.Speakers) });
        missing = [.. missing.Union(failed).Order()];
        var facets = request.IncludeFacets
            ? ShardFacetMerger.Merge(results.Where(r => r is not null).Select(r => r!.Facets), _options.FacetSize, aliases)
            : new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        var response = new SearchResponse(request.Query ?? "", results.Sum(r => r?.Total ?? 0), request.Page, request.Size,
            stopwatch.ElapsedMilliseconds, hits, facets, next)
        {
            Stories = request.CollapseStories ? results.Sum(r => r?.Stories ?? 0) : null,
        };
        if (request.Histogram is not null)
        {
            response = SearchInsights.WithTimeline(response, SumDays(results, r => r.Days), SumDays(results, r => r.TotalDays), request);
        }

        if (request.Terms == TermsMode.Significant)
        {
            var (terms, silent) = await _trending.FindAsync(sort, results, aliased.Query, cancellationToken);
            response = response with { SignificantTerms = terms };
            missing = [.. missing.Union(silent).Order()];
        }

        return missing.Count == 0 ? response : response with { Partial = true, MissingShards = missing };
    }

    /// <summary>
    /// The dfs and query phases on every shard; a shard that fails is reported missing, not dropped silently. The dfs
    /// answers also give the corpus-wide speaker aliases, and the query the shards run keeps a speaker filter's aliases.
    /// </summary>
    private async Task<(ShardQueryResult?[] Results, List<int> Missing, SpeakerAliases Aliases, ShardQuery Query)> QueryPhasesAsync(ShardQuery query,
        CancellationToken cancellationToken)
    {
        var statistics = await FanOutAsync(shard => shard.CollectStatisticsAsync(query), cancellationToken);
        if (FuzzyExpansion.Choose(statistics) is { } fuzzy)
        {
            // A fuzzy term has more words over the shards than it keeps: every shard expands to the index-wide best.
            query = query with { Fuzzy = fuzzy };
            statistics = await FanOutAsync(shard => shard.CollectStatisticsAsync(query), cancellationToken);
        }

        var aliases = await _speakers.ForAsync(statistics, cancellationToken);
        query = query with { Request = query.Request with { Speakers = aliases.Expand(query.Request.Speakers) } };
        var sum = ShardStatistics.Sum(statistics.Where(s => s is not null)!);
        var results = await FanOutAsync<ShardQueryResult?>(async (shard, i) => statistics[i] is null ? null : await shard.QueryAsync(query, sum),
            cancellationToken);
        var missing = Enumerable.Range(0, _shards.Count).Where(i => results[i] is null).ToList();
        if (missing.Count == _shards.Count)
        {
            throw new ShardsUnavailableException(missing);
        }

        return (results, missing, aliases, query);
    }

    /// <summary>The shards' matches per day, summed: exact, since every match lives on exactly one shard.</summary>
    private static Dictionary<int, int> SumDays(ShardQueryResult?[] results, Func<ShardQueryResult, IReadOnlyDictionary<int, int>?> days)
    {
        var sum = new Dictionary<int, int>();
        foreach (var shardDays in results.OfType<ShardQueryResult>().Select(days).OfType<IReadOnlyDictionary<int, int>>())
        {
            foreach (var (day, count) in shardDays)
            {
                sum[day] = sum.GetValueOrDefault(day) + count;
            }
        }

        return sum;
    }

    /// <summary>The fetch phase: the page's hits from the shards holding them, in page order.</summary>
    private async Task<(List<SearchHit> Hits, List<int> Failed)> FetchAsync(ShardQuery query, List<ShardHitMerge.MergedHit> page, CancellationToken cancellationToken)
    {
        var ids = page.GroupBy(hit => hit.Shard).ToDictionary(g => g.Key, g => g.Select(hit => hit.Hit.Id).ToList());
        var fetched = await FanOutAsync((shard, i) => ids.TryGetValue(i, out var mine) ? shard.FetchAsync(query, mine) : Task.FromResult<IReadOnlyList<SearchHit?>>([]),
            cancellationToken);
        var byId = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        var failed = ids.Keys.Where(shard => fetched[shard] is null).ToList();
        foreach (var (shard, mine) in ids)
        {
            for (var i = 0; i < mine.Count && fetched[shard] is { } hits; i++)
            {
                if (hits[i] is { } hit)
                {
                    byId[mine[i]] = hit;
                }
            }
        }

        return (Fetched(page, byId), failed);
    }

    /// <summary>The page's hits in page order, each with its merged score and story copies.</summary>
    private static List<SearchHit> Fetched(List<ShardHitMerge.MergedHit> page, Dictionary<string, SearchHit> byId) =>
        // An article deleted between the query and fetch phases is left out, as one index's next refresh would.
        [.. page.Where(merged => byId.ContainsKey(merged.Hit.Id)).Select(merged => byId[merged.Hit.Id] with
        {
            Score = float.IsNaN(merged.Hit.Score) ? 0 : merged.Hit.Score,
            Copies = merged.Hit.Copies,
            StoryOutlets = merged.Hit.StoryOutlets,
        })];

    /// <summary>The whole stored article, from the shard that owns the id.</summary>
    public async Task<Article> GetArticleAsync(string id)
    {
        var shard = _router.ShardOf(id);
        return await ShardCall.OnAsync(shard, () => _shards[shard].GetArticleAsync(id)) ?? throw new ArticleNotFoundException(id);
    }

    /// <summary>The article's body with the query's matches marked, from the shard that owns the id.</summary>
    public async Task<string> HighlightBodyAsync(string id, string? queryText)
    {
        _steps.ParseText(queryText);
        var shard = _router.ShardOf(id);
        return await ShardCall.OnAsync(shard, () => _shards[shard].HighlightBodyAsync(id, queryText)) ?? throw new ArticleNotFoundException(id);
    }

    /// <summary>
    /// Articles like article <paramref name="id"/>: the owning shard picks its distinctive words, every shard is
    /// searched for them with index-wide statistics, and the best are fetched with the body's opening as snippet.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> FindSimilarAsync(string id, int size, CancellationToken cancellationToken)
    {
        var owner = _router.ShardOf(id);
        var words = await ShardCall.OnAsync(owner, () => _shards[owner].LikeTermsAsync(id)) ?? throw new ArticleNotFoundException(id);
        if (words.Count == 0)
        {
            return [];
        }

        var query = new ShardQuery(new SearchRequest { Size = size, IncludeFacets = false }, words, id);
        var (results, missing, _, _) = await QueryPhasesAsync(query, cancellationToken);
        var page = ShardHitMerge.Merge(SearchCollection.CreateSort(SearchSort.Relevance), [.. results.Select(r => r?.Hits)], 0, size);
        var (hits, failed) = await FetchAsync(query, page, cancellationToken);
        // A list has no room to say it is partial: fewer similar articles than there are is not an answer.
        return missing.Count + failed.Count == 0 ? hits : throw new ShardsUnavailableException([.. missing.Union(failed).Order()]);
    }
    /// <summary>Runs one call per shard at once; a shard whose call fails with anything but a request error gives null.</summary>
    private Task<T?[]> FanOutAsync<T>(Func<IShard, Task<T>> call, CancellationToken cancellationToken) =>
        FanOutAsync((shard, _) => call(shard), cancellationToken);

    private Task<T?[]> FanOutAsync<T>(Func<IShard, int, Task<T>> call, CancellationToken cancellationToken) =>
        ShardCall.FanOutAsync(_shards, call, cancellationToken);

    public void Dispose()
    {
        _trending.Dispose();
        _analyzer.Dispose();
    }
}
