using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying.Export;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;
using Search.Core.Querying.Trending;

namespace Search.Core.Querying;

/// <summary>
/// One index, synchronously: the engine's coordinator (<see cref="ShardedSearcher"/>) over one
/// <see cref="LocalShard"/> in this process, so one index answers exactly as a cluster of one shard does, through
/// the same steps (#22). The API serves through the coordinator directly; this is the door the tools (the bench,
/// the rankers, the indexer) and the engine's tests use. A lone local shard runs every phase on the calling thread,
/// so waiting here blocks on nothing. Thread-safe; one instance serves every request.
/// </summary>
public sealed class ArticleSearcher : IDisposable
{
    private readonly LocalShard _shard;
    private readonly ShardedSearcher _coordinator;

    /// <param name="index">The index searched (its owner disposes it).</param>
    /// <param name="options">Limits, timeout and facet size.</param>
    /// <param name="synonyms">Aliases expanded before parsing; none when null.</param>
    /// <param name="cache">Whole answers kept until the index changes; none when null.</param>
    /// <param name="trending">Trending terms with their per-segment tables (shared with the refresh that warms them); a private one when null.</param>
    /// <param name="time">The clock of each request's time budget; the system clock when null.</param>
    public ArticleSearcher(ArticleIndex index, SearchOptions options, SynonymExpander? synonyms = null, SearchResultCache? cache = null,
        SignificantTermsFinder? trending = null, TimeProvider? time = null)
    {
        _shard = new LocalShard(index, options, synonyms, time: time, trending: trending);
        _coordinator = new ShardedSearcher([_shard], options, synonyms, cache);
    }

    /// <summary>A search without spelling suggestions (the bench and the rankers).</summary>
    public SearchResponse Search(SearchRequest request, CancellationToken cancellationToken) =>
        Search(request, FuzzyMode.Off, cancellationToken);

    /// <summary>
    /// A search as the API serves it. The response always reports the query as typed; with
    /// <paramref name="fuzzy"/> a "did you mean" suggestion, and with <see cref="FuzzyMode.Auto"/> the
    /// suggestion's results when the query as typed found nothing.
    /// </summary>
    public SearchResponse Search(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken) =>
        _coordinator.SearchAsync(request, fuzzy, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Every match of <paramref name="request"/> in its order, on the reader current now (<see cref="LocalShard.OpenExport"/>).</summary>
    public ExportSession OpenExport(SearchRequest request, CancellationToken cancellationToken) => _shard.OpenExport(request, cancellationToken);

    /// <summary>The whole stored article (real-time: a write not yet searchable is served too).</summary>
    /// <exception cref="ArticleNotFoundException">No article has this id.</exception>
    public Article GetArticle(string id) => _coordinator.GetArticleAsync(id).GetAwaiter().GetResult();

    /// <summary>The article's body as escaped HTML with what <paramref name="queryText"/> matched marked.</summary>
    /// <exception cref="ArticleNotFoundException">No article has this id.</exception>
    public string HighlightBody(string id, string? queryText) => _coordinator.HighlightBodyAsync(id, queryText).GetAwaiter().GetResult();

    /// <summary>Up to <paramref name="size"/> articles like article <paramref name="id"/>, most similar first.</summary>
    /// <exception cref="ArticleNotFoundException">No article has this id.</exception>
    public IReadOnlyList<SearchHit> FindSimilar(string id, int size) =>
        _coordinator.FindSimilarAsync(id, size, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose()
    {
        _coordinator.Dispose();
        _shard.Dispose();
    }
}
