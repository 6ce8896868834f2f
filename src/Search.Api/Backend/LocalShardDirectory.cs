using Search.Core;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;

namespace Search.Api.Backend;

/// <summary>
/// The shards of the index in this process, without a cluster: one <see cref="LocalShard"/> per shard of the
/// <see cref="ShardedArticleIndex"/> (built from the seeds when there is none). One shard is one index: its folder
/// is the index folder. Every shard's writes go to the alerts. <see cref="ShardRefreshService"/> refreshes and commits them.
/// </summary>
public sealed class LocalShardDirectory : IShardDirectory, IDisposable
{
    private readonly ShardedArticleIndex _index;
    private readonly LocalShard[] _shards;
    private int _disposed;

    public LocalShardDirectory(ShardedArticleIndex index, SearchOptions options, SynonymExpander synonyms, IServiceProvider services)
    {
        _index = index;
        // Every shard's durable writes go to the observers (alerts), which keep each write's shard with its sequence number.
        var observers = services.GetServices<IArticleWriteObserver>().ToList();
        _shards = [.. _index.Shards.Select((shard, i) => new LocalShard(shard, options, synonyms, observers.Select(o => o.ForShard(i))))];
    }

    public IReadOnlyList<IShard> Shards => _shards;

    /// <summary>The shards' indexes.</summary>
    public ShardedArticleIndex Index => _index;

    /// <summary>The shards, for the refresh loop.</summary>
    public IReadOnlyList<LocalShard> LocalShards => _shards;

    public ValueTask<int> SilosAsync() => ValueTask.FromResult(1);

    public ValueTask RebalanceAsync() => ValueTask.CompletedTask;

    public ValueTask<IReadOnlyList<ShardLocation>> LocateAsync() =>
        ValueTask.FromResult<IReadOnlyList<ShardLocation>>([.. _shards.Select((_, i) => new ShardLocation(i, Environment.ProcessId))]);

    /// <summary>Closes the shards once (the container disposes it as itself and as <see cref="IShardDirectory"/>).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var shard in _shards)
        {
            shard.Dispose();
        }

        _index.Dispose();
    }
}
