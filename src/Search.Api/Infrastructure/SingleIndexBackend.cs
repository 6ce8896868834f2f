using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Quotes;
using Search.Core.Querying.Suggestions;
using Search.Core.Sharding;

namespace Search.Api.Infrastructure;

/// <summary>
/// One index, exactly as before shards: <see cref="ArticleSearcher"/>, <see cref="ArticleIngestor"/> (with the
/// write observers, alerts among them), <see cref="CompletionCatalog"/> and the quote searches on one <see cref="ArticleIndex"/>.
/// Every call finishes synchronously, so the ValueTasks cost nothing.
/// </summary>
public sealed class SingleIndexBackend(ArticleIndex index, ArticleSearcher searcher, ArticleIngestor ingestor, CompletionCatalog completions,
    QuoteSearcher quotes, SpeakerProfiler speakers) : ISearchBackend
{
    public int Shards => 1;

    public string IndexPath => index.Path;

    public ValueTask<SearchResponse> SearchAsync(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken) =>
        ValueTask.FromResult(searcher.Search(request, fuzzy, cancellationToken));

    public ValueTask<IExportCursor> OpenExportAsync(SearchRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IExportCursor>(new LocalExportCursor(searcher.OpenExport(request, cancellationToken)));

    public ValueTask<Article> GetArticleAsync(string id) => ValueTask.FromResult(searcher.GetArticle(id));

    public ValueTask<string> HighlightBodyAsync(string id, string? queryText, CancellationToken cancellationToken) =>
        ValueTask.FromResult(searcher.HighlightBody(id, queryText, cancellationToken));

    public ValueTask<IReadOnlyList<SearchHit>> FindSimilarAsync(string id, int size, CancellationToken cancellationToken) =>
        ValueTask.FromResult(searcher.FindSimilar(id, size));

    public ValueTask<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size) => ValueTask.FromResult(completions.Complete(prefix, size));

    public ValueTask<QuoteSearchResponse> SearchQuotesAsync(QuoteSearchRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(quotes.Search(request, cancellationToken));

    public ValueTask<SpeakerProfile> ProfileSpeakerAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(speakers.Profile(name, cancellationToken));

    public ValueTask<(Article Article, IngestOutcome Outcome)> WriteAsync(RawArticle raw, bool waitUntilVisible) =>
        ValueTask.FromResult(ingestor.Write(raw, waitUntilVisible));

    public ValueTask<bool> DeleteAsync(string id, bool waitUntilVisible) => ValueTask.FromResult(ingestor.Delete(id, waitUntilVisible));

    public ValueTask<IReadOnlyList<ShardWriteResult>> WriteBatchAsync(IReadOnlyList<ShardWriteItem> items)
    {
        var staged = new List<StagedWrite>(items.Count);
        var results = ShardBatchWrite.Write(ingestor, index, items, staged);
        ingestor.Acknowledge(staged);
        return ValueTask.FromResult<IReadOnlyList<ShardWriteResult>>(results);
    }

    public ValueTask RefreshAsync()
    {
        index.Refresh();
        return ValueTask.CompletedTask;
    }

    public ValueTask<int> BackupAsync(string folder, CancellationToken cancellationToken) => ValueTask.FromResult(index.Backup(folder, cancellationToken));

    public ValueTask<int> CountAsync() => ValueTask.FromResult(index.Count);

    public ValueTask<int> SilosAsync() => ValueTask.FromResult(1);

    public ValueTask<bool> DegradedAsync() => ValueTask.FromResult(index.NeedsRecovery);
}
