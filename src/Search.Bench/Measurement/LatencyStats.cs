namespace Search.Bench.Measurement;

/// <summary>Latency percentiles (milliseconds) and throughput of one series of timed operations.</summary>
public sealed record LatencyStats(int Count, double P50Ms, double P95Ms, double P99Ms, double MeanMs, double Qps)
{
    public static LatencyStats From(IReadOnlyCollection<double> latenciesMs, double wallSeconds)
    {
        if (latenciesMs.Count == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }

        var sorted = latenciesMs.Order().ToArray();
        return new LatencyStats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            sorted.Average(), wallSeconds > 0 ? sorted.Length / wallSeconds : 0);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
