using Search.Core;
using Search.Core.Engine;

namespace Search.Api.Backend;

/// <summary>
/// Refreshes and commits the shards held in this process (one for one index) off the request path, so recent
/// writes become visible without any query paying for the reopen, and the write-ahead logs stay short; starting it
/// also opens the index before the server accepts requests. On the <see cref="IndexMaintenanceLoop"/>: each tick runs every shard's <see cref="LocalShard.Maintain"/> (commit when
/// due, and at every tick while the shard recovers from a writer failure; then refresh). A shard that fails (its
/// disk is full) does not keep the others from their tick; the failure is then reported to the loop, which backs off.
/// </summary>
public sealed class ShardRefreshService(LocalShardDirectory shards, SearchOptions options, ILogger<ShardRefreshService> logger)
    : IndexMaintenanceLoop(options, logger)
{
    protected override string IndexPath => shards.Index.Path;

    protected override bool Tick(bool commitDue)
    {
        var committed = false;
        List<Exception>? failures = null;
        foreach (var shard in shards.LocalShards)
        {
            try
            {
                committed |= shard.Maintain(commitDue);
            }
            catch (Exception ex) when (ex is not ObjectDisposedException)
            {
                (failures ??= []).Add(ex);
            }
        }

        return failures is null ? committed : throw new AggregateException("Refreshing or committing shards failed.", failures);
    }
}
