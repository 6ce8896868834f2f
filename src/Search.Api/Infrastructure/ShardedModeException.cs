namespace Search.Api.Infrastructure;

/// <summary>A feature that needs the shards in this process (alerts) was asked for on a cluster: 501.</summary>
public sealed class ShardedModeException(string feature)
    : Exception($"{feature} is not available on a cluster yet: alerts match on the write path of shards held in this process (#22). Run without Search:Cluster:Mode, with any Search:Shards.");
