namespace Search.Api.Tests;

/// <summary>Two servers over the same seeds: one index (Search:Shards=1) and four shards in one process (Search:Shards=4).</summary>
public sealed class ShardedServers : IDisposable
{
    public SearchApiFactory OneIndex { get; } = new();

    public SearchApiFactory Sharded { get; } = new() { Shards = 4 };

    public void Dispose()
    {
        OneIndex.Dispose();
        Sharded.Dispose();
    }
}
