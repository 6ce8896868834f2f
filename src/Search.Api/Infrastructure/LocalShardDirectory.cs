using Search.Core;
using Search.Core.Querying.Synonyms;
using Search.Core.Sharding;

namespace Search.Api.Infrastructure;

/// <summary>
/// The shards of a sharded index in this process, without a cluster: one <see cref="LocalShard"/> per shard of a
/// <see cref="ShardedArticleIndex"/> (built from the seeds when there is none). <see cref="ShardRefreshService"/>
/// refreshes and commits them.
/// </summary>
public sealed class LocalShardDirectory : IShardDirectory, IDisposable
{
    private readonly ShardedArticleIndex _index;
    private readonly LocalShard[] _shards;
    private int _disposed;

    public LocalShardDirectory(SearchOptions options, SynonymExpander synonyms, ILogger<LocalShardDirectory> logger)
    {
        _index = ShardedIndexBootstrap.OpenOrBuild(options, logger);
        _shards = [.. _index.Shards.Select(shard => new LocalShard(shard, options, synonyms))];
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
