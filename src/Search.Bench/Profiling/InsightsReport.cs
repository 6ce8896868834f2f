using System.Globalization;
using System.Text;
using Search.Bench.Queries;

namespace Search.Bench.Profiling;

/// <summary>
/// The tables of <see cref="InsightsCost"/>. A query's ratio is the median of its rounds with the option over the
/// median of its rounds without (a median shrugs off the round a neighbour's build stole the caches in); over the
/// queries it is reported as median and 75th percentile (how a typical and a worse-than-typical query fare) and
/// as the aggregate, all CPU time with over all without (what a server running this query mix would spend).
/// </summary>
public static class InsightsReport
{
    /// <summary>The overall table (one row per variant) and the per-class table of median ratios.</summary>
    public static string Format(IReadOnlyList<BenchQuery> queries, double[][][] times)
    {
        var md = new StringBuilder();
        md.AppendLine("| variant | queries | mean CPU ms | per-query ratio, median | per-query ratio, p75 | aggregate ratio |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        var all = Enumerable.Range(0, queries.Count).ToList();
        for (var v = 0; v < times.Length; v++)
        {
            var mean = times[v].SelectMany(t => t).Average();
            var row = v == 0 ? "— | — | —" : Ratios(times, v, all);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {InsightsCost.Variants[v].Name} | {queries.Count} | {mean:F2} | {row} |");
        }

        md.AppendLine()
            .AppendLine("Per query class (median / p75 / aggregate ratio to the plain search):")
            .AppendLine()
            .AppendLine("| class | queries | plain mean CPU ms | " + string.Join(" | ", InsightsCost.Variants.Skip(1).Select(v => v.Name)) + " |")
            .AppendLine("|---|---:|---:|" + string.Concat(Enumerable.Repeat("---:|", times.Length - 1)));
        foreach (var group in all.GroupBy(q => queries[q].Class))
        {
            var members = group.ToList();
            var plain = members.SelectMany(q => times[0][q]).Average();
            var cells = Enumerable.Range(1, times.Length - 1).Select(v => Ratios(times, v, members).Replace(" | ", " / ", StringComparison.Ordinal));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {members.Count} | {plain:F2} | {string.Join(" | ", cells)} |");
        }

        return md.ToString();
    }

    /// <summary>"median | p75 | aggregate" of variant <paramref name="v"/>'s ratio to variant 0 over <paramref name="members"/>.</summary>
    private static string Ratios(double[][][] times, int v, List<int> members)
    {
        var perQuery = members.Select(q => Median(times[v][q]) / Math.Max(1e-6, Median(times[0][q]))).ToList();
        var aggregate = members.Sum(q => times[v][q].Sum()) / Math.Max(1e-6, members.Sum(q => times[0][q].Sum()));
        return string.Create(CultureInfo.InvariantCulture, $"{Percentile(perQuery, 0.5):F2}× | {Percentile(perQuery, 0.75):F2}× | {aggregate:F2}×");
    }

    private static double Median(IEnumerable<double> values) => Percentile(values.ToList(), 0.5);

    /// <summary>Linear interpolation between the closest ranks.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }
}
