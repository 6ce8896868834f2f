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
/// the default sample against the top 10 with another size, over the same index and the same term tables.
/// Overlap = shared terms ÷ terms of the other list (1.0: the same ten, in any order).
/// </summary>
public static class TrendingSampleOverlap
{
    private const int Top = 10;

    public static string Compare(LuceneEngine engine, IReadOnlyList<BenchQuery> queries, int defaultSample, int otherSample)
    {
        using var other = new ArticleSearcher(engine.Index, new SearchOptions { IndexPath = engine.IndexPath, TrendingSampleSize = otherSample },
            trending: engine.Trending);
        var overlaps = new List<double>();
        var empty = 0;
        foreach (var query in queries)
        {
            var request = InsightsCost.Request(query) with { Terms = TermsMode.Significant };
            var mine = TopTerms(engine.Searcher.Search(request, CancellationToken.None));
            var theirs = TopTerms(other.Search(request, CancellationToken.None));
            if (theirs.Count == 0)
            {
                empty += mine.Count == 0 ? 1 : 0;
                continue;
            }

            overlaps.Add((double)mine.Intersect(theirs, StringComparer.Ordinal).Count() / theirs.Count);
        }

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Top-{Top} trending terms, sample {defaultSample} against sample {otherSample}, over {overlaps.Count} bench queries with terms ({empty} with none either way): ")
            .AppendLine(CultureInfo.InvariantCulture,
            $"mean overlap {(overlaps.Count == 0 ? double.NaN : overlaps.Average()):P0}, median {InsightsReport.Percentile(overlaps, 0.5):P0}, 25th percentile {InsightsReport.Percentile(overlaps, 0.25):P0}, minimum {(overlaps.Count == 0 ? double.NaN : overlaps.Min()):P0}.");
        return md.ToString();
    }

    private static List<string> TopTerms(SearchResponse response) =>
        [.. (response.SignificantTerms ?? []).Take(Top).Select(t => t.Term)];
}
