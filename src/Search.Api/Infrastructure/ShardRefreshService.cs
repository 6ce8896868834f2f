using Search.Core;

namespace Search.Api.Infrastructure;

/// <summary>
/// <see cref="IndexRefreshService"/>'s job for the shards of a sharded index held in this process: refreshes each
/// shard's searcher every <see cref="SearchOptions.RefreshIntervalMs"/> and commits every
/// <see cref="SearchOptions.CommitIntervalMs"/>, on the same <see cref="IndexMaintenanceLoop"/>.
/// </summary>
public sealed class ShardRefreshService(LocalShardDirectory shards, SearchOptions options, ILogger<ShardRefreshService> logger)
    : IndexMaintenanceLoop(options, logger)
{
    protected override string IndexPath => shards.Index.Path;

    protected override bool Tick(bool commitDue)
    {
        shards.Index.MaybeRefresh();
        if (commitDue)
        {
            shards.Index.CommitIfDirty();
        }

        return commitDue;
    }
}
