using Search.Core.Engine;

namespace Search.Api.Backend;

/// <summary>Where a sharded index's shards are: in this process (<see cref="LocalShardDirectory"/>) or grains on an Orleans cluster.</summary>
public interface IShardDirectory
{
    /// <summary>The shards, in shard order.</summary>
    IReadOnlyList<IShard> Shards { get; }

    /// <summary>Where each shard is active (activating every shard).</summary>
    ValueTask<IReadOnlyList<ShardLocation>> LocateAsync();

    /// <summary>
    /// Closes every shard so that each reopens where placement puts it now: after silos join, the shards spread over
    /// them (a shard stays where it was activated otherwise). A no-op in one process.
    /// </summary>
    ValueTask RebalanceAsync();

    /// <summary>Silos up (1 when the shards are in this process without a cluster).</summary>
    ValueTask<int> SilosAsync();
}
