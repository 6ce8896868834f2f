using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Sharding;

namespace Search.Api.Infrastructure;

/// <summary>
/// One index, exactly as before shards: <see cref="ArticleSearcher"/>, <see cref="ArticleIngestor"/> (with the
/// write observers, alerts among them) and <see cref="CompletionCatalog"/> on one <see cref="ArticleIndex"/>.
/// Every call finishes synchronously, so the ValueTasks cost nothing.
/// </summary>
public sealed class SingleIndexBackend(ArticleIndex index, ArticleSearcher searcher, ArticleIngestor ingestor, CompletionCatalog completions)
    : ISearchBackend
{
    public int Shards => 1;

    public string IndexPath => index.Path;

    public ValueTask<SearchResponse> SearchAsync(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken) =>
        ValueTask.FromResult(searcher.Search(request, fuzzy, cancellationToken));

    public ValueTask<Article> GetArticleAsync(string id) => ValueTask.FromResult(searcher.GetArticle(id));

    public ValueTask<string> HighlightBodyAsync(string id, string? queryText, CancellationToken cancellationToken) =>
        ValueTask.FromResult(searcher.HighlightBody(id, queryText, cancellationToken));

    public ValueTask<IReadOnlyList<SearchHit>> FindSimilarAsync(string id, int size, CancellationToken cancellationToken) =>
        ValueTask.FromResult(searcher.FindSimilar(id, size));

    public ValueTask<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size) => ValueTask.FromResult(completions.Complete(prefix, size));

    public ValueTask<(Article Article, IngestOutcome Outcome)> WriteAsync(RawArticle raw, bool waitUntilVisible) =>
        ValueTask.FromResult(ingestor.Write(raw, waitUntilVisible));

    public ValueTask<bool> DeleteAsync(string id, bool waitUntilVisible) => ValueTask.FromResult(ingestor.Delete(id, waitUntilVisible));

    public ValueTask<IReadOnlyList<ShardWriteResult>> WriteBatchAsync(IReadOnlyList<ShardWriteItem> items)
    {
        var results = new ShardWriteResult[items.Count];
        var staged = new List<StagedWrite>(items.Count);
        long last = 0;
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                var (article, outcome, sequence) = ingestor.Stage(items[i].Article, items[i].SpeakersGiven);
                last = Math.Max(last, sequence);
                staged.Add(new StagedWrite(article, outcome, sequence));
                results[i] = new ShardWriteResult(outcome);
            }
            catch (ArticleWriteException ex)
            {
                results[i] = new ShardWriteResult(null, ex.Field, ex.Message);
            }
            catch (IOException ex)
            {
                // Disk full and the like: this line is not stored; lines before it in the batch still are, and are reported.
                results[i] = new ShardWriteResult(null, null, "Not stored: the write-ahead log could not be written (" + ex.Message + ").", StorageFailed: true);
            }
        }

        if (last > 0)
        {
            try
            {
                index.WaitDurable(last);
            }
            catch (IOException ex)
            {
                // Not durable, so not acknowledged: every staged line of the batch says so.
                for (var i = 0; i < results.Length; i++)
                {
                    if (results[i].Outcome is not null)
                    {
                        results[i] = new ShardWriteResult(null, null, "Not stored: the write-ahead log could not be synced (" + ex.Message + ").", StorageFailed: true);
                    }
                }
            }
        }

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

    public bool Degraded => index.NeedsRecovery;
}
