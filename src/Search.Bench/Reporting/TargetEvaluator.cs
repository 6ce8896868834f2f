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

        return checks;
    }
}
