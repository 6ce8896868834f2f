namespace Search.Core.Engine;

/// <summary>A write applied to one shard: the shard, and the write's sequence number in that shard's log.</summary>
/// <param name="Shard">The shard that owns the written id.</param>
/// <param name="Sequence">The write's sequence number in that shard's write log (for WaitDurable).</param>
public readonly record struct ShardWrite(int Shard, long Sequence);
