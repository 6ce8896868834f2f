using System.Globalization;
using System.Text;
using Search.Bench.Http;

namespace Search.Bench.Reporting;

/// <summary>Renders a <see cref="BenchReport"/> as markdown tables, both engines side by side with ratios.</summary>
public static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var md = new StringBuilder();
        Line(md, $"## Benchmark: Lucene.NET (ours) vs SQLite FTS5 and Xapian — {report.StartedUtc}");
        Line(md, "");
        Line(md, $"Machine: {report.Machine}. Corpus: {report.Corpus}, {report.Articles:N0} articles; {report.QueryCount} queries, {report.Rounds} timed rounds each.");
        Line(md, "Speed-up = FTS5 time ÷ our time (above 1×: ours faster). Both engines measured in the same run.");
        Line(md, "");
        Line(md, "### Indexing");
        Line(md, "");
        Line(md, "| engine | threads | articles/s | MB/s of text | seconds | index MB | peak managed heap MB | working-set growth MB | articles/s ÷ FTS5 | CPU s | articles per CPU-s | per CPU-s ÷ FTS5 |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var fts = report.Indexing.LastOrDefault(i => i.Engine.Contains("FTS5", StringComparison.Ordinal));
        foreach (var i in report.Indexing)
        {
            var ratio = fts is null || fts.ArticlesPerSecond == 0 ? "" : $"{i.ArticlesPerSecond / fts.ArticlesPerSecond:0.00}×";
            var perCpu = i.CpuSeconds > 0 ? i.Articles / i.CpuSeconds : 0;
            var ftsPerCpu = fts is null || fts.CpuSeconds <= 0 ? 0 : fts.Articles / fts.CpuSeconds;
            var cpuRatio = ftsPerCpu == 0 ? "" : $"{perCpu / ftsPerCpu:0.00}×";
            Line(md, $"| {i.Engine} | {i.Threads} | {i.ArticlesPerSecond:N0} | {i.MegabytesPerSecond:N2} | {i.Seconds:N1} | {i.IndexBytes / 1e6:N1} | {i.PeakManagedBytes / 1e6:N0} | {i.WorkingSetGrowthBytes / 1e6:N0} | {ratio} | {i.CpuSeconds:N1} | {perCpu:N0} | {cpuRatio} |");
        }

        Line(md, "");
        Line(md, $"Our analysis chain alone (title + body, 1 thread, no IndexWriter) gets through {report.AnalysisOnlyArticlesPerSecond:N0} articles/s.");
        Line(md, "");
        Line(md, "### Queries (ms; 1 thread, then 2 threads)");
        Line(md, "");
        Line(md, "| class | ours p50 | FTS5 p50 | p50 speed-up | ours p95 | FTS5 p95 | ours p99 | FTS5 p99 | p99 speed-up | ours QPS | FTS5 QPS | 2T ours p50/p99 | 2T FTS5 p50/p99 | 2T ours QPS | 2T FTS5 QPS | overlap@10 (ranked) | overlap@10 (same matches, by date) | totals within 2% |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in report.Queries)
        {
            var (o, b, o2, b2) = (c.Ours.OneThread, c.Baseline.OneThread, c.Ours.TwoThreads, c.Baseline.TwoThreads);
            Line(md, $"| {c.Class} | {o.P50Ms:0.00} | {b.P50Ms:0.00} | **{c.P50SpeedUp:0.0}×** | {o.P95Ms:0.00} | {b.P95Ms:0.00} | {o.P99Ms:0.00} | {b.P99Ms:0.00} | **{c.P99SpeedUp:0.0}×** "
                + $"| {o.Qps:N0} | {b.Qps:N0} | {o2.P50Ms:0.00}/{o2.P99Ms:0.00} | {b2.P50Ms:0.00}/{b2.P99Ms:0.00} | {o2.Qps:N0} | {b2.Qps:N0} | {c.Overlap10:P0} | {(c.SameMatchesOverlap10 is { } same ? same.ToString("P0", CultureInfo.InvariantCulture) : "")} | {c.TotalsAgree:P0} |");
        }

        if (report.Queries.Any(c => c.Xapian is not null))
        {
            Line(md, "");
            Line(md, "### Ours vs FTS5 vs Xapian (ms, 1 thread; Xapian timed inside its own process)");
            Line(md, "");
            Line(md, "| class | ours p50 | FTS5 p50 | Xapian p50 | ours p99 | FTS5 p99 | Xapian p99 | ours ÷ Xapian p50 | CPU ms p50 ours / FTS5 / Xapian | ours ÷ Xapian CPU p50 | HTTP p50 (default, cache off, c=1) | HTTP ÷ Xapian p50 | Xapian totals within 2% of ours |");
            Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var c in report.Queries.Where(c => c.Xapian is not null))
            {
                var (o, b, x) = (c.Ours.OneThread, c.Baseline.OneThread, c.Xapian!.OneThread);
                var http = report.Http.FirstOrDefault(h => h.Target == HttpTargets.PerClass(c.Class) && h.Concurrency == 1);
                var httpCells = http is null ? "| | " : $"| {http.Stats.P50Ms:0.00} | {Ratio(http.Stats.P50Ms, x.P50Ms)} ";
                var (oc, bc, xc) = (c.Ours.OneThreadCpu?.P50Ms ?? 0, c.Baseline.OneThreadCpu?.P50Ms ?? 0, c.Xapian.OneThreadCpu?.P50Ms ?? 0);
                Line(md, $"| {c.Class} | {o.P50Ms:0.00} | {b.P50Ms:0.00} | {x.P50Ms:0.00} | {o.P99Ms:0.00} | {b.P99Ms:0.00} | {x.P99Ms:0.00} | {Ratio(o.P50Ms, x.P50Ms)} "
                    + $"| {oc:0.00} / {bc:0.00} / {xc:0.00} | {Ratio(oc, xc)} {httpCells}| {c.XapianTotalsAgree:P0} |");
            }
        }

        if (report.Http.Count > 0)
        {
            Line(md, "");
            Line(md, "### HTTP over loopback (real Search.Api child process)");
            Line(md, "");
            Line(md, "| target | concurrency | req/s | p50 ms | p99 ms | errors | ÷ ceiling req/s |");
            Line(md, "|---|---:|---:|---:|---:|---:|---:|");
            foreach (var h in report.Http)
            {
                var ceiling = report.Http.FirstOrDefault(x => x.Concurrency == h.Concurrency && x.Target.StartsWith("/health", StringComparison.Ordinal));
                var share = ceiling is null || ceiling.Stats.Qps == 0 ? "" : $"{h.Stats.Qps / ceiling.Stats.Qps:P0}";
                Line(md, $"| {h.Target} | {h.Concurrency} | {h.Stats.Qps:N0} | {h.Stats.P50Ms:0.00} | {h.Stats.P99Ms:0.00} | {h.Errors} | {share} |");
            }
        }

        if (report.Scale.Count > 0)
        {
            Line(md, "");
            Line(md, "### Scale (p50 ms, 1 thread)");
            Line(md, "");
            Line(md, "| engine | class | ×1 | ×N | articles at ×N | growth |");
            Line(md, "|---|---|---:|---:|---:|---:|");
            foreach (var s in report.Scale)
            {
                Line(md, $"| {s.Engine} | {s.Class} | {s.P50AtOne:0.00} | {s.P50AtScale:0.00} (×{s.Factor}) | {s.ArticlesAtScale:N0} | {s.Growth:0.00}× |");
            }
        }

        if (report.Breakdown.Count > 0)
        {
            Line(md, "");
            Line(md, "### Where our time goes (mean CPU ms per query, querying thread)");
            Line(md, "");
            Line(md, "| class | stage | mean ms |");
            Line(md, "|---|---|---:|");
            foreach (var b in report.Breakdown)
            {
                Line(md, $"| {b.Class} | {b.Stage} | {b.MeanMs:0.000} |");
            }
        }

        Line(md, "");
        Line(md, "### Targets");
        Line(md, "");
        foreach (var t in report.Targets)
        {
            Line(md, $"- {(t.Holds ? "✅" : "❌")} {t.Target}: {t.Evidence}");
        }

        foreach (var note in report.Notes)
        {
            Line(md, $"- Note: {note}");
        }

        return md.ToString();
    }

    private static string Ratio(double ours, double theirs) => theirs <= 0 ? "" : $"{ours / theirs:0.00}×";

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
