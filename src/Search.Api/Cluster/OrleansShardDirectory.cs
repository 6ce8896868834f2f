using Search.Api.Backend;
using Search.Core;
using Search.Core.Engine;

namespace Search.Api.Cluster;

/// <summary>The shards of a sharded index as grains of the Orleans cluster this process is a silo of.</summary>
public sealed class OrleansShardDirectory(IGrainFactory grains, SearchOptions options) : IShardDirectory
{
    public IReadOnlyList<IShard> Shards { get; } =
        [.. Enumerable.Range(0, options.Shards).Select(i => grains.GetGrain<IShardGrain>(i))];

    public async ValueTask<IReadOnlyList<ShardLocation>> LocateAsync()
    {
        var calls = Enumerable.Range(0, options.Shards).Select(i => grains.GetGrain<IShardGrain>(i).ProcessId()).ToArray();
        var locations = new List<ShardLocation>();
        for (var i = 0; i < calls.Length; i++)
        {
            try
            {
                locations.Add(new ShardLocation(i, await calls[i]));
            }
#pragma warning disable CA1031 // A shard that does not answer is listed without a silo.
            catch (Exception)
#pragma warning restore CA1031
            {
                locations.Add(new ShardLocation(i, null));
            }
        }

        return locations;
    }

    public async ValueTask RebalanceAsync() =>
        await Task.WhenAll(Enumerable.Range(0, options.Shards).Select(i => grains.GetGrain<IShardGrain>(i).Release()));

    public async ValueTask<int> SilosAsync() => (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
}
