using System.Globalization;
using Lucene.Net.Search;
using Search.Core.Querying.Timeline;
using Search.Core.Querying.Trending;

namespace Search.Core.Querying;

/// <summary>
/// The optional summaries of a search, computed from what the query phase already collected: the coverage
/// timeline from the match set (<see cref="TimelineCounter"/>) and the sample of the ranked top matches that the
/// trending terms read (<see cref="Engine.ShardedSignificantTerms"/>). Neither reruns the query.
/// </summary>
public static class SearchInsights
{
    /// <summary>
    /// How many ranked matches the query phase must keep for the sample <paramref name="request"/> needs
    /// (<paramref name="trendingSample"/>, <see cref="SearchOptions.TrendingSampleSize"/>, for trending terms).
    /// </summary>
    public static int SampleSize(SearchRequest request, int trendingSample) => request.Terms == TermsMode.Significant ? trendingSample : 0;

    /// <summary>
    /// Articles per day under the request's filters without its query: another pass over the filtered articles, unless
    /// the query is empty and the matches are those articles already.
    /// </summary>
    public static Dictionary<int, int> TotalsPerDay(IndexSearcher searcher, SearchRequest request, Dictionary<int, int> perDay,
        CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Query) ? perDay : TimelineCounter.CountAllPerDay(searcher, request, cancellationToken);

    /// <summary>Whether the query phase must remember every match (for the timeline).</summary>
    public static bool NeedsMatches(SearchRequest request) => request.Histogram is not null;

    /// <summary>
    /// <paramref name="response"/> with the timeline of <paramref name="perDay"/> (matches per day number) in the
    /// <paramref name="request"/>'s interval, each bucket with its total from <paramref name="totalsPerDay"/> (articles
    /// without the query), spanning at least the request's from..to.
    /// </summary>
    public static SearchResponse WithTimeline(SearchResponse response, IReadOnlyDictionary<int, int> perDay, IReadOnlyDictionary<int, int> totalsPerDay,
        SearchRequest request)
    {
        var buckets = TimelineCounter.FromDays(perDay, totalsPerDay, request.Histogram ?? HistogramInterval.Auto, request.From, request.To, out var used);
        return response with { Histogram = buckets, HistogramInterval = used.ToString().ToLower(CultureInfo.InvariantCulture) };
    }
}
