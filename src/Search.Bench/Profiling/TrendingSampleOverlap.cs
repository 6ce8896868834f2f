using System.Globalization;
using System.Text;
using Search.Bench.Engines;
using Search.Bench.Queries;
using Search.Core;
using Search.Core.Querying;
using Search.Core.Querying.Trending;

namespace Search.Bench.Profiling;

/// <summary>
/// Whether a smaller trending sample still finds the same terms: for each bench query, the top 10 terms with
/// each sample size against the top 10 with the largest sample the issue allows (<see cref="SignificantTermsFinder.MaxSample"/>),
/// over the same index and the same term tables. Overlap = shared terms ÷ terms of the reference list (1.0: the
/// same ten, in any order). Comparing each size with one reference shows what a smaller sample loses, apart from
/// the churn any two sample sizes have at the bottom of a top ten.
/// </summary>
public static class TrendingSampleOverlap
{
    private const int Top = 10;

    public static string Compare(LuceneEngine engine, IReadOnlyList<BenchQuery> queries, IReadOnlyList<int> sizes)
    {
        var reference = SignificantTermsFinder.MaxSample;
        var searchers = sizes.Append(reference).Distinct().ToDictionary(size => size, size => new ArticleSearcher(engine.Index,
            new SearchOptions { IndexPath = engine.IndexPath, TrendingSampleSize = size }, trending: engine.Trending));
        try
        {
            var overlaps = sizes.ToDictionary(size => size, _ => new List<double>());
            var empty = 0;
            foreach (var query in queries)
            {
                var request = InsightsCost.Request(query) with { Terms = TermsMode.Significant };
                var expected = TopTerms(searchers[reference].Search(request, CancellationToken.None));
                if (expected.Count == 0)
                {
                    empty++;
                    continue;
                }

                foreach (var size in sizes)
                {
                    var found = TopTerms(searchers[size].Search(request, CancellationToken.None));
                    overlaps[size].Add((double)found.Intersect(expected, StringComparer.Ordinal).Count() / expected.Count);
                }
            }

            var md = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"Top-{Top} trending terms against those of a {reference}-match sample ({queries.Count - empty} bench queries with terms, {empty} without):")
                .AppendLine()
                .AppendLine("| sample | mean overlap | median | 25th percentile | minimum |")
                .AppendLine("|---:|---:|---:|---:|---:|");
            foreach (var (size, values) in overlaps)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {size} | {values.DefaultIfEmpty(double.NaN).Average():P0} | {InsightsReport.Percentile(values, 0.5):P0} | {InsightsReport.Percentile(values, 0.25):P0} | {values.DefaultIfEmpty(double.NaN).Min():P0} |");
            }

            return md.ToString();
        }
        finally
        {
            foreach (var searcher in searchers.Values)
            {
                searcher.Dispose();
            }
        }
    }

    private static List<string> TopTerms(SearchResponse response) =>
        [.. (response.SignificantTerms ?? []).Take(Top).Select(t => t.Term)];
}
