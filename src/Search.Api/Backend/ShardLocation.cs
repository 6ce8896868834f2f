namespace Search.Api.Backend;

/// <summary>Where one shard is active.</summary>
/// <param name="Shard">The shard number.</param>
/// <param name="ProcessId">Process id of the silo holding it; null when it did not answer (its silo is down).</param>
public sealed record ShardLocation(int Shard, int? ProcessId);
