namespace Search.Api.Infrastructure;

/// <summary>A feature that reads one index directly (alerts) was asked for on a sharded index: 501.</summary>
public sealed class ShardedModeException(string feature)
    : Exception($"{feature} is not available on a sharded index (Search:Shards > 1) yet; it reads one Lucene index directly (#15).");
