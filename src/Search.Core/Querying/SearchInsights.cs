using System.Globalization;
using Lucene.Net.Index;
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

    /// <summary>Whether the query phase must remember every match (for the timeline).</summary>
    public static bool NeedsMatches(SearchRequest request) => request.Histogram is not null;

    /// <summary><paramref name="response"/> with the timeline of <paramref name="perDay"/> (matches per day number) in <paramref name="interval"/>s.</summary>
    public static SearchResponse WithTimeline(SearchResponse response, IReadOnlyDictionary<int, int> perDay, HistogramInterval interval)
    {
        var buckets = TimelineCounter.FromDays(perDay, interval, out var used);
        return response with { Histogram = buckets, HistogramInterval = used.ToString().ToLower(CultureInfo.InvariantCulture) };
    }

    /// <summary><paramref name="response"/> with the summaries <paramref name="request"/> asked for.</summary>
    public SearchResponse Add(SearchResponse response, SearchRequest request, IndexReader reader, MatchSet? matches,
        IReadOnlyList<int> rankedDocs, CancellationToken cancellationToken)
    {
        if (request.Histogram is { } interval && matches is not null)
        {
            response = WithTimeline(response, TimelineCounter.CountPerDay(reader, matches, cancellationToken), interval);
        }

        if (request.Terms == TermsMode.Significant)
        {
            response = response with { SignificantTerms = trending.Find(reader, rankedDocs, request.Query, cancellationToken) };
        }

        return response;
    }
}
