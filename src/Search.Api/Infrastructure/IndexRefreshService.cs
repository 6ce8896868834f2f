using Search.Core;
using Search.Core.Indexing;

namespace Search.Api.Infrastructure;

/// <summary>
/// Refreshes the shared searcher off the request path, so recent writes become visible without any
/// query paying for the reopen (SearcherManager's advice). Starting it also opens the index before the
/// server accepts requests.
/// </summary>
public sealed class IndexRefreshService(ArticleIndex index, SearchOptions options, ILogger<IndexRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.RefreshIntervalMs));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                index.MaybeRefresh();
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
}
