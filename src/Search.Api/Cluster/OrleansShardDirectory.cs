using Search.Api.Infrastructure;
using Search.Core;
using Search.Core.Sharding;

namespace Search.Api.Cluster;

/// <summary>The shards of a sharded index as grains of the Orleans cluster this process is a silo of.</summary>
public sealed class OrleansShardDirectory(IGrainFactory grains, SearchOptions options) : IShardDirectory
{
    public IReadOnlyList<IShard> Shards { get; } =
        [.. Enumerable.Range(0, options.Shards).Select(i => new GrainShard(grains.GetGrain<IShardGrain>(i)))];

    public async ValueTask<int> SilosAsync() => (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
}
