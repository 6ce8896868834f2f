using Search.Bench.Http;
using Search.Bench.Measurement;
using Search.Bench.Queries;

namespace Search.Bench.Reporting;

/// <summary>Everything one run measured; written as JSON and rendered as the markdown table.</summary>
public sealed record BenchReport(
    string StartedUtc,
    string Machine,
    string Corpus,
    int Articles,
    int QueryCount,
    int Rounds,
    List<IndexingResult> Indexing,
    double AnalysisOnlyArticlesPerSecond,
    List<ClassComparison> Queries,
    List<HttpTiming> Http,
    List<ScaleResult> Scale,
    List<BreakdownRow> Breakdown,
    List<TargetCheck> Targets,
    List<string> Notes);

/// <summary>
/// Indexing throughput, size and memory of one engine. CpuSeconds is the process CPU time the build used (all
/// threads, merges and GC included): on a shared machine it moves far less than wall time with other people's load.
/// </summary>
public sealed record IndexingResult(
    string Engine,
    int Threads,
    int Articles,
    double TextMegabytes,
    double Seconds,
    double ArticlesPerSecond,
    double MegabytesPerSecond,
    long IndexBytes,
    long PeakManagedBytes,
    long PeakWorkingSetBytes,
    long WorkingSetGrowthBytes,
    double CpuSeconds = 0);

/// <summary>
/// One query class on both engines. Overlap10 compares the ranked top 10; SameMatchesOverlap10 (boolean classes)
/// compares the top 10 of the same queries ordered by date, which checks that both match the same articles
/// whatever their BM25 variants; TotalsAgree is the share of queries whose totals are within 2%.
/// Speed-ups are baseline time ÷ our time (above 1: we are faster).</summary>
public sealed record ClassComparison(
    QueryClass Class,
    ClassTiming Ours,
    ClassTiming Baseline,
    double Overlap10,
    double? SameMatchesOverlap10,
    double TotalsAgree)
{
    /// <summary>The same class on the Xapian peer, when it ran.</summary>
    public ClassTiming? Xapian { get; init; }

    /// <summary>Share of queries whose totals from Xapian are within 2% of ours.</summary>
    public double? XapianTotalsAgree { get; init; }

    public double P50SpeedUp => Ratio(Baseline.OneThread.P50Ms, Ours.OneThread.P50Ms);

    public double P99SpeedUp => Ratio(Baseline.OneThread.P99Ms, Ours.OneThread.P99Ms);

    public double TwoThreadP50SpeedUp => Ratio(Baseline.TwoThreads.P50Ms, Ours.TwoThreads.P50Ms);

    public double TwoThreadP99SpeedUp => Ratio(Baseline.TwoThreads.P99Ms, Ours.TwoThreads.P99Ms);

    public static double Ratio(double baseline, double ours) => ours <= 0 ? 0 : baseline / ours;
}

/// <summary>p50 of one class at ×1 and ×N corpus size on one engine.</summary>
public sealed record ScaleResult(string Engine, QueryClass Class, int Factor, int ArticlesAtScale, double P50AtOne, double P50AtScale)
{
    public double Growth => P50AtOne <= 0 ? 0 : P50AtScale / P50AtOne;
}

/// <summary>Mean milliseconds of one stage of our search path for one query class.</summary>
public sealed record BreakdownRow(QueryClass Class, string Stage, double MeanMs);

public sealed record TargetCheck(string Target, bool Holds, string Evidence);
