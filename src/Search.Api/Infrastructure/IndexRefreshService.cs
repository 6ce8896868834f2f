using Search.Core;
using Search.Core.Indexing;
using Search.Core.Querying.Trending;

namespace Search.Api.Infrastructure;

/// <summary>
/// Refreshes the shared searcher off the request path, so recent writes become visible without any
/// query paying for the reopen (SearcherManager's advice), and makes a Lucene commit every
/// <see cref="SearchOptions.CommitIntervalMs"/> so the write-ahead log stays short. Starting it also opens
/// the index before the server accepts requests.
/// </summary>
public sealed class IndexRefreshService(ArticleIndex index, SearchOptions options, SignificantTermsFinder trending, ILogger<IndexRefreshService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.RefreshIntervalMs));
        var lastCommit = Environment.TickCount64;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                index.MaybeRefresh();
                WarmTrendingTerms();
                if (Environment.TickCount64 - lastCommit >= options.CommitIntervalMs)
                {
                    index.CommitIfDirty();
                    lastCommit = Environment.TickCount64;
                }
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (IOException ex)
            {
                logger.LogError(ex, "Refreshing the searcher of {IndexPath} failed; retrying", index.Path);
            }
        }
    }

    /// <summary>
    /// Builds the trending-terms table of each new segment here, off the request path (a no-op when every
    /// segment of the current reader has one): the first terms=significant search of a segment never pays for it.
    /// </summary>
    private void WarmTrendingTerms()
    {
        using var lease = index.AcquireSearcher();
        trending.Warm(lease.Searcher.IndexReader);
    }
}
