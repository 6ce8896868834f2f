using Search.Core;

namespace Search.Api.Infrastructure;

/// <summary>
/// <see cref="IndexRefreshService"/>'s loop for the shards of a sharded index held in this process: refreshes each
/// shard's searcher every <see cref="SearchOptions.RefreshIntervalMs"/> and commits every
/// <see cref="SearchOptions.CommitIntervalMs"/>, logging and backing off on failure so the loop never dies.
/// </summary>
public sealed class ShardRefreshService(LocalShardDirectory shards, SearchOptions options, ILogger<ShardRefreshService> logger) : BackgroundService
{
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
                shards.Index.MaybeRefresh();
                if (Environment.TickCount64 - lastCommit >= options.CommitIntervalMs)
                {
                    shards.Index.CommitIfDirty();
                    lastCommit = Environment.TickCount64;
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
                pause = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, interval.Ticks << Math.Min(failures, 16)));
                logger.LogError(ex, "Refreshing or committing the shards under {IndexPath} failed ({FailureCount} in a row); retrying in {PauseMs} ms",
                    shards.Index.Path, failures, (long)pause.TotalMilliseconds);
            }
        }
    }
}
