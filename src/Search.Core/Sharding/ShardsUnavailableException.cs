namespace Search.Core.Sharding;

/// <summary>No shard of a sharded index answered (the API answers 503): there is nothing to return, not even partially.</summary>
public sealed class ShardsUnavailableException(IReadOnlyList<int> shards)
    : Exception($"No shard answered (shards {string.Join(", ", shards)}); they are being moved to other silos. Retry shortly.")
{
    /// <summary>The shards that did not answer.</summary>
    public IReadOnlyList<int> Shards { get; } = shards;
}
