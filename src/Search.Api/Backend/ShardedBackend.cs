using Search.Api.Export;
using Search.Core;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Quotes;
using Search.Core.Querying.Suggestions;

namespace Search.Api.Backend;

/// <summary>
/// The engine behind every endpoint (#22): reads through the <see cref="ShardedSearcher"/> coordinator, writes
/// through the <see cref="ShardedWriter"/>, over shards in this process or grains on a cluster
/// (<see cref="IShardDirectory"/>). One index is the same coordinator over one shard in this process.
/// </summary>
public sealed class ShardedBackend : ISearchBackend, IDisposable
{
    private readonly IShardDirectory _directory;
    private readonly ShardedSearcher _searcher;
    private readonly ShardedWriter _writer;
    private readonly ShardedQuoteSearcher _quotes;
    private readonly int _exportPageSize;

    public ShardedBackend(IShardDirectory directory, SearchOptions options, Search.Core.Querying.Synonyms.SynonymExpander synonyms, SearchResultCache cache)
    {
        _directory = directory;
        _searcher = new ShardedSearcher(directory.Shards, options, synonyms, cache);
        _writer = new ShardedWriter(directory.Shards);
        _quotes = new ShardedQuoteSearcher(directory.Shards, options);
        IndexPath = Path.GetFullPath(options.IndexPath);
        _exportPageSize = options.MaxPageSize;
    }

    public int Shards => _directory.Shards.Count;

    public string IndexPath { get; }

    public async ValueTask<SearchResponse> SearchAsync(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken) =>
        await _searcher.SearchAsync(request, fuzzy, cancellationToken);

    /// <remarks>
    /// One shard in this process exports from the reader current when the request started; several walk the
    /// coordinator's cursor, page by page.
    /// </remarks>
    public ValueTask<IExportCursor> OpenExportAsync(SearchRequest request, CancellationToken cancellationToken) =>
        _directory.Shards is [LocalShard local]
            ? ValueTask.FromResult<IExportCursor>(new LocalExportCursor(local.OpenExport(request, cancellationToken)))
            : PagedExportCursor.OpenAsync(this, request, _exportPageSize, cancellationToken);

    public async ValueTask<Article> GetArticleAsync(string id) => await _searcher.GetArticleAsync(id);

    public async ValueTask<string> HighlightBodyAsync(string id, string? queryText, CancellationToken cancellationToken) =>
        await _searcher.HighlightBodyAsync(id, queryText);

    public async ValueTask<IReadOnlyList<SearchHit>> FindSimilarAsync(string id, int size, CancellationToken cancellationToken) =>
        await _searcher.FindSimilarAsync(id, size, cancellationToken);

    public async ValueTask<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size) => await _searcher.CompleteAsync(prefix, size);

    public async ValueTask<QuoteSearchResponse> SearchQuotesAsync(QuoteSearchRequest request, CancellationToken cancellationToken) =>
        await _quotes.SearchAsync(request, cancellationToken);

    public async ValueTask<SpeakerProfile> ProfileSpeakerAsync(string name, CancellationToken cancellationToken) =>
        await _quotes.ProfileAsync(name, cancellationToken);

    public async ValueTask<(Article Article, IngestOutcome Outcome)> WriteAsync(RawArticle raw, bool waitUntilVisible) =>
        await _writer.WriteAsync(raw, waitUntilVisible);

    public async ValueTask<bool> DeleteAsync(string id, bool waitUntilVisible) => await _writer.DeleteAsync(id, waitUntilVisible);

    public async ValueTask<IReadOnlyList<ShardWriteResult>> WriteBatchAsync(IReadOnlyList<ShardWriteItem> items) =>
        await _writer.WriteBatchAsync(items, waitUntilVisible: false);

    public async ValueTask RefreshAsync() => await _writer.RefreshAsync();

    public async ValueTask<int> BackupAsync(string folder, CancellationToken cancellationToken) => await _writer.BackupAsync(folder);

    public async ValueTask<int> CountAsync() => await _writer.CountAsync();

    public async ValueTask<int> SilosAsync() => await _directory.SilosAsync();

    // Each shard recovers from a full disk on its own (its refresh loop); any shard still recovering makes the index degraded.
    public async ValueTask<bool> DegradedAsync() => await _writer.DegradedAsync();

    public void Dispose()
    {
        _searcher.Dispose();
        _quotes.Dispose();
    }
}
