using Search.Core.Engine;

namespace Search.Api.Cluster;

/// <summary>
/// One shard of the index as an Orleans grain (key: the shard number): the shard contract itself (<see cref="IShard"/>),
/// answered by the silo the grain is activated on, plus the two calls only a grain has. Orleans places the grains and,
/// when a silo dies, activates its grains again on another silo, which opens the shard from the shared data root and
/// replays its write log.
/// </summary>
public interface IShardGrain : IShard
{
    /// <summary>The process id of the silo the grain is active on (activates it).</summary>
    Task<int> ProcessId();

    /// <summary>Deactivates the grain (closing the shard); its next call activates it where placement says now.</summary>
    Task Release();
}
