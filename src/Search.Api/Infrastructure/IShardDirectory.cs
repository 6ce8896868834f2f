using Search.Core.Sharding;

namespace Search.Api.Infrastructure;

/// <summary>Where a sharded index's shards are: in this process (<see cref="LocalShardDirectory"/>) or grains on an Orleans cluster.</summary>
public interface IShardDirectory
{
    /// <summary>The shards, in shard order.</summary>
    IReadOnlyList<IShard> Shards { get; }

    /// <summary>Silos up (1 when the shards are in this process without a cluster).</summary>
    ValueTask<int> SilosAsync();
}
