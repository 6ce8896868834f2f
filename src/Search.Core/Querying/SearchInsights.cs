using System.Globalization;
using Lucene.Net.Search;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Timeline;
using Search.Core.Querying.Trending;

namespace Search.Core.Querying;

/// <summary>
/// The optional summaries of a search, computed from what the query phase already collected: the coverage
/// timeline from the match set (<see cref="TimelineCounter"/>) and the trending terms from the ranked top
/// matches (<see cref="SignificantTermsFinder"/>). Neither reruns the query.
/// </summary>
public sealed class SearchInsights(SignificantTermsFinder trending)
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

    /// <summary><paramref name="response"/> with the summaries <paramref name="request"/> asked for.</summary>
    public SearchResponse Add(SearchResponse response, SearchRequest request, IndexSearcher searcher, MatchSet? matches,
        IReadOnlyList<int> rankedDocs, CancellationToken cancellationToken)
    {
        var reader = searcher.IndexReader;
        if (request.Histogram is not null && matches is not null)
        {
            var perDay = TimelineCounter.CountPerDay(reader, matches, cancellationToken);
            response = WithTimeline(response, perDay, TotalsPerDay(searcher, request, perDay, cancellationToken), request);
        }

        if (request.Terms == TermsMode.Significant)
        {
            response = response with { SignificantTerms = trending.Find(reader, rankedDocs, request.Query, cancellationToken) };
        }

        return response;
    }
}
