using Search.Core;

namespace Search.Api.Backend;

/// <summary>
/// The background loop behind <see cref="ShardRefreshService"/> (the shards held in this process, one for one
/// index) and the shard grains' timers: a tick every <see cref="SearchOptions.RefreshIntervalMs"/>, told whether
/// <see cref="SearchOptions.CommitIntervalMs"/> has passed since the last commit. A failure (disk full, a bug) is
/// logged and retried with a growing pause, up to 30 s: if this loop died, searches would silently stop seeing new
/// writes and the log would grow without bound.
/// </summary>
public abstract class IndexMaintenanceLoop(SearchOptions options, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The folder named in the loop's log lines.</summary>
    protected abstract string IndexPath { get; }

    /// <summary>One tick: refresh, and commit when <paramref name="commitDue"/>; returns true when it committed.</summary>
    protected abstract bool Tick(bool commitDue);

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
                if (Tick(Environment.TickCount64 - lastCommit >= options.CommitIntervalMs))
                {
                    lastCommit = Environment.TickCount64;
                }

                if (failures > 0)
                {
                    logger.LogInformation("Refreshing and committing {IndexPath} works again after {FailureCount} failures", IndexPath, failures);
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
                    IndexPath, failures, (long)pause.TotalMilliseconds);
            }
        }
    }
}
