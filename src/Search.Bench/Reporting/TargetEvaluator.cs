using Search.Bench.Http;
using Search.Bench.Queries;

namespace Search.Bench.Reporting;

/// <summary>Checks the targets against one run's ratios.</summary>
public static class TargetEvaluator
{
    public static List<TargetCheck> Evaluate(BenchReport report)
    {
        var checks = new List<TargetCheck>();
        var slow = report.Queries.Where(c => c.P50SpeedUp < 1 || c.P99SpeedUp < 1).ToList();
        checks.Add(new TargetCheck("every class at least as fast as FTS5 at p50 and p99 (1 thread)", slow.Count == 0,
            slow.Count == 0
                ? $"lowest p50 speed-up {report.Queries.Min(c => c.P50SpeedUp):0.0}×, lowest p99 {report.Queries.Min(c => c.P99SpeedUp):0.0}×"
                : "slower: " + string.Join(", ", slow.Select(c => $"{c.Class} p50 {c.P50SpeedUp:0.00}× p99 {c.P99SpeedUp:0.00}×"))));

        if (report.Queries.FirstOrDefault(c => c.Class == QueryClass.PhraseWithFacets) is { } facets)
        {
            checks.Add(new TargetCheck("faceted queries ≥ 5× faster", facets.P50SpeedUp >= 5 && facets.P99SpeedUp >= 5,
                $"p50 {facets.P50SpeedUp:0.0}×, p99 {facets.P99SpeedUp:0.0}×"));
        }

        var fts = report.Indexing.FirstOrDefault(i => i.Engine.Contains("FTS5", StringComparison.Ordinal));
        foreach (var ours in report.Indexing.Where(i => i != fts && fts is not null))
        {
            checks.Add(new TargetCheck($"indexing throughput ≥ FTS5's (ours on {ours.Threads} thread(s), FTS5 on 1)", ours.ArticlesPerSecond >= fts!.ArticlesPerSecond,
                $"{ours.ArticlesPerSecond:N0} vs {fts.ArticlesPerSecond:N0} articles/s ({ours.ArticlesPerSecond / fts.ArticlesPerSecond:0.00}×)"));
        }

        var ceiling = report.Http.FirstOrDefault(h => h.Concurrency == 16 && h.Target == HttpTargets.Ceiling);
        foreach (var (target, how) in new[]
        {
            (HttpTargets.TermWithoutFacets, "as shipped (result cache on; the query set repeats)"),
            (HttpTargets.TermWithoutFacets + HttpTargets.CacheOff, "with the result cache off (every request searches)"),
        })
        {
            var search = report.Http.FirstOrDefault(h => h.Concurrency == 16 && h.Target == target);
            if (ceiling is not null && search is not null && ceiling.Stats.Qps > 0)
            {
                var share = search.Stats.Qps / ceiling.Stats.Qps;
                checks.Add(new TargetCheck($"/search (term) at c=16 ≥ 50% of the trivial endpoint's throughput, {how}", share >= 0.5,
                    $"{search.Stats.Qps:N0} vs {ceiling.Stats.Qps:N0} req/s on /health = {share:P0}"));
            }
        }

        foreach (var scale in report.Scale.Where(s => s.Engine.Contains("ours", StringComparison.Ordinal)))
        {
            checks.Add(new TargetCheck($"×{scale.Factor} corpus: {scale.Class} p50 grows < 3×", scale.Growth < 3,
                $"{scale.P50AtOne:0.00} → {scale.P50AtScale:0.00} ms ({scale.Growth:0.00}×)"));
        }

        checks.AddRange(EvaluateAgainstXapian(report));
        return checks;
    }

    /// <summary>The targets of #14, measured against Xapian and FTS5 in the same run.</summary>
    private static IEnumerable<TargetCheck> EvaluateAgainstXapian(BenchReport report)
    {
        var withXapian = report.Queries.Where(c => c.Xapian is not null).ToList();
        if (withXapian.Count > 0)
        {
            var slower = withXapian.Where(c => c.Ours.OneThread.P50Ms > c.Xapian!.OneThread.P50Ms).ToList();
            yield return new TargetCheck("#14: in-process p50 ≤ Xapian's on every class (ours with the product's defaults)", slower.Count == 0,
                slower.Count == 0 ? "every class" : "slower: " + string.Join(", ", slower.Select(c => $"{c.Class} {c.Ours.OneThread.P50Ms:0.00} vs {c.Xapian!.OneThread.P50Ms:0.00} ms")));

            var overHttp = withXapian.Select(c => (c.Class, Xapian: c.Xapian!.OneThread.P50Ms,
                Http: report.Http.FirstOrDefault(h => h.Target == HttpTargets.PerClass(c.Class) && h.Concurrency == 1))).Where(x => x.Http is not null).ToList();
            if (overHttp.Count > 0)
            {
                var over = overHttp.Where(x => x.Http!.Stats.P50Ms > 2 * x.Xapian).ToList();
                yield return new TargetCheck("#14: /search p50 over HTTP (defaults, result cache off) ≤ 2× Xapian's in-process p50 on every class", over.Count == 0,
                    string.Join(", ", overHttp.Select(x => $"{x.Class} {x.Http!.Stats.P50Ms / x.Xapian:0.0}×")));
            }
        }

        var uncached = report.Http.FirstOrDefault(h => h.Concurrency == 16 && h.Target == HttpTargets.TermWithFacets + HttpTargets.CacheOff);
        if (uncached is not null)
        {
            yield return new TargetCheck("#14: uncached /search (term, defaults) at c=16 ≥ 5,000 req/s, load generator on the same cores", uncached.Stats.Qps >= 5000,
                $"{uncached.Stats.Qps:N0} req/s");
        }

        var fts = report.Indexing.FirstOrDefault(i => i.Engine.Contains("FTS5", StringComparison.Ordinal) && i.CpuSeconds > 0);
        var bulk = report.Indexing.Where(i => i.Engine.Contains("bulk", StringComparison.Ordinal) && i.CpuSeconds > 0).MaxBy(i => i.Articles / i.CpuSeconds);
        if (fts is not null && bulk is not null)
        {
            var ratio = bulk.Articles / bulk.CpuSeconds / (fts.Articles / fts.CpuSeconds);
            yield return new TargetCheck("#14: bulk build without extraction at least as fast as FTS5 per CPU-second", ratio >= 1,
                $"{bulk.Articles / bulk.CpuSeconds:N0} vs {fts.Articles / fts.CpuSeconds:N0} articles per CPU-s ({ratio:0.00}×, best of our bulk builds)");
        }

        foreach (var scale in report.Scale.Where(s => s.Engine.Contains("ours", StringComparison.Ordinal)))
        {
            yield return new TargetCheck($"#14: ×{scale.Factor} corpus: {scale.Class} p50 grows ≤ 2×", scale.Growth <= 2,
                $"{scale.P50AtOne:0.00} → {scale.P50AtScale:0.00} ms ({scale.Growth:0.00}×)");
        }
    }
}
