namespace Search.Bench.Sharding;

/// <summary>
/// Per search phase (dfs, query, fetch, other shard calls): how many shard calls, the CPU the shard spent answering
/// (thread CPU: a local shard answers synchronously on the calling thread), the CPU spent copying the messages through
/// Orleans' serializer both ways (what a grain call between silos does), and the bytes those messages weigh.
/// </summary>
public sealed class PhaseMeter
{
    public const string Dfs = "dfs";
    public const string Query = "query";
    public const string Fetch = "fetch";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> Phases = [Dfs, Query, Fetch, Other];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, PhaseTotals> _totals = Phases.ToDictionary(p => p, _ => new PhaseTotals(0, 0, 0, 0), StringComparer.Ordinal);

    public void Add(string phase, double shardCpuMs, double copyCpuMs, long bytes)
    {
        lock (_lock)
        {
            var t = _totals[phase];
            _totals[phase] = new PhaseTotals(t.Calls + 1, t.ShardCpuMs + shardCpuMs, t.CopyCpuMs + copyCpuMs, t.Bytes + bytes);
        }
    }

    /// <summary>The totals so far, and zeroes them.</summary>
    public IReadOnlyDictionary<string, PhaseTotals> Take()
    {
        lock (_lock)
        {
            var copy = new Dictionary<string, PhaseTotals>(_totals, StringComparer.Ordinal);
            foreach (var phase in Phases)
            {
                _totals[phase] = new PhaseTotals(0, 0, 0, 0);
            }

            return copy;
        }
    }
}

/// <summary>Sums of one phase's shard calls.</summary>
public sealed record PhaseTotals(int Calls, double ShardCpuMs, double CopyCpuMs, long Bytes);
