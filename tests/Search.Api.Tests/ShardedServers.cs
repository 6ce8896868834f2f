namespace Search.Api.Tests;

/// <summary>
/// Servers over the same seeds: one index (Search:Shards=1), four shards in one process (Search:Shards=4) and, started
/// only by the tests that use it, four shard grains on an in-process Orleans silo (Search:Cluster:Mode=Local).
/// </summary>
public sealed class ShardedServers : IDisposable
{
    public SearchApiFactory OneIndex { get; } = new();

    public SearchApiFactory Sharded { get; } = new() { Shards = 4 };

    public SearchApiFactory Grains { get; } = new() { Shards = 4, ClusterMode = "Local" };

    public void Dispose()
    {
        OneIndex.Dispose();
        Sharded.Dispose();
        Grains.Dispose();
    }
}
