using System.Globalization;
using Search.Bench.Sharding;

namespace Search.Bench.Fuzz;

/// <summary>
/// Where the fuzz run's index lives: one index (the default), N shards in one process, shard grains on an in-process
/// silo, or N silo processes with membership in Redis (#22: the fuzz must hold on every layout).
/// </summary>
public sealed record FuzzLayout(int Shards, ClusterBenchMode Mode, int Silos)
{
    /// <summary>True for the original run: one server process on one index, started as before.</summary>
    public bool IsOneIndex => Shards == 1 && Mode == ClusterBenchMode.None;

    public override string ToString() => Mode switch
    {
        ClusterBenchMode.Redis => string.Create(CultureInfo.InvariantCulture, $"layout: {Shards} shards on {Silos} silos (Redis membership)"),
        ClusterBenchMode.Local => string.Create(CultureInfo.InvariantCulture, $"layout: {Shards} shards on an in-process silo"),
        _ => IsOneIndex ? "layout: one index" : string.Create(CultureInfo.InvariantCulture, $"layout: {Shards} shards in one process"),
    };
}
