using Search.Core;
using Search.Core.Indexing;
using Search.Core.Querying.Trending;

namespace Search.Api.Infrastructure;

/// <summary>
/// Refreshes the shared searcher off the request path, so recent writes become visible without any
/// query paying for the reopen (SearcherManager's advice), and makes a Lucene commit every
/// <see cref="SearchOptions.CommitIntervalMs"/> so the write-ahead log stays short. Starting it also opens
/// the index before the server accepts requests. A failure (disk full, a bug) is logged and retried with a
/// growing pause: if this loop died, searches would silently stop seeing new writes and the log would grow
/// without bound.
/// </summary>
public sealed class IndexRefreshService(ArticleIndex index, SearchOptions options, SignificantTermsFinder trending, ILogger<IndexRefreshService> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.RefreshIntervalMs);
        var pause = interval;
        var lastCommit = Environment.TickCount64;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                // After a writer failure (a full disk), logged writes wait for a commit to re-apply them: try at
                // every tick (with the failure backoff) rather than once per commit interval.
                if (index.NeedsRecovery || Environment.TickCount64 - lastCommit >= options.CommitIntervalMs)
                {
                    index.CommitIfDirty();
                    lastCommit = Environment.TickCount64;
                }

                // After the commit, so the writes a recovering commit re-applied are searchable at once.
                index.MaybeRefresh();
                WarmTrendingTerms();

                if (failures > 0)
                {
                    logger.LogInformation("Refreshing and committing {IndexPath} works again after {FailureCount} failures", index.Path, failures);
                }

                failures = 0;
                pause = interval;
            }
            catch (ObjectDisposedException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive any failure; each is logged with its exception.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                pause = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, interval.Ticks << Math.Min(failures, 16)));
                logger.LogError(ex, "Refreshing or committing {IndexPath} failed ({FailureCount} in a row); retrying in {PauseMs} ms",
                    index.Path, failures, (long)pause.TotalMilliseconds);
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
