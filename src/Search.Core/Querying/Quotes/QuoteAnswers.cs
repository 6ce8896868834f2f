using System.Globalization;
using System.Net;
using Search.Core.Querying.Timeline;

namespace Search.Core.Querying.Quotes;

/// <summary>
/// The last step of a quote search and of a speaker's page, from every matching quote in order: the filters per
/// quote, the facets, the page and the profile's counts. One index (<see cref="QuoteSearcher"/>) and the sharded
/// coordinator (<see cref="Engine.ShardedQuoteSearcher"/>) both end here, so equal matches give equal answers.
/// </summary>
internal static class QuoteAnswers
{
    /// <summary>A /quotes answer.</summary>
    /// <param name="request">Filters and page.</param>
    /// <param name="ordered">Every quote of the articles read that the query matched, in the answer's order.</param>
    /// <param name="html">The quote at an index of <paramref name="ordered"/>, escaped with its matches marked (asked only for the page).</param>
    /// <param name="complete">Whether every matching article was read.</param>
    /// <param name="facetSize">Values per facet.</param>
    public static QuoteSearchResponse Search(QuoteSearchRequest request, IReadOnlyList<QuoteRecord> ordered, Func<int, string> html, bool complete,
        int facetSize)
    {
        // Multi-select, as /search: each facet counts the quotes every other filter keeps, ignoring its own,
        // so picking one speaker still lists the others with their counts.
        var filters = ordered.Select(quote => QuoteFilters.Of(quote, request)).ToList();
        List<int> Kept(QuoteFilters.Facet ignored) => [.. Enumerable.Range(0, ordered.Count).Where(i => filters[i].Keeps(ignored))];
        var matches = Kept(QuoteFilters.Facet.None);
        var hits = matches.Skip((request.Page - 1) * request.Size).Take(request.Size).Select(i => ToHit(ordered[i], html(i))).ToList();
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal)
        {
            // The speaker facet lists people; organisations that speak have their own.
            ["speaker"] = Top(Kept(QuoteFilters.Facet.Speaker).Where(i => ordered[i].Kind != Articles.Quote.OrganizationKind).Select(i => ordered[i].Speaker), facetSize),
            ["organization"] = Top(Kept(QuoteFilters.Facet.Speaker).Where(i => ordered[i].Kind == Articles.Quote.OrganizationKind).Select(i => ordered[i].Speaker), facetSize),
            ["outlet"] = Top(Kept(QuoteFilters.Facet.Outlet).Select(i => ordered[i].Outlet), facetSize),
            ["published"] = Top(Kept(QuoteFilters.Facet.Published)
                .Select(i => ordered[i].Published?.ToString("yyyy-MM", CultureInfo.InvariantCulture)), facetSize),
        };
        return new QuoteSearchResponse(matches.Count, hits, facets, complete);
    }

    /// <summary>How many matching quotes a page of <paramref name="request"/> can reach: those to prepare text for.</summary>
    public static int Window(QuoteSearchRequest request) => request.Page * request.Size;

    /// <summary>A speaker's page from their quotes, newest first (<paramref name="text"/>: a quote's text, for the newest few).</summary>
    /// <exception cref="SpeakerNotFoundException">No quote is attributed to <paramref name="name"/>.</exception>
    public static SpeakerProfile Profile(string name, IReadOnlyList<QuoteRecord> ordered, Func<int, string> text, bool complete, int facetSize)
    {
        if (ordered.Count == 0)
        {
            throw new SpeakerNotFoundException(name);
        }

        var perDay = ordered.Where(r => r.Published is not null)
            .GroupBy(r => r.Published!.Value.DayNumber)
            .ToDictionary(g => g.Key, g => g.Count());
        var timeline = TimelineCounter.FromDays(perDay, HistogramInterval.Auto, out var interval);
        var recent = ordered.Take(SpeakerProfiler.RecentCount).Select((r, i) => ToHit(r, WebUtility.HtmlEncode(text(i)))).ToList();
        return new SpeakerProfile(
            Name: ordered[0].Speaker,
            Quotes: ordered.Count,
            Articles: ordered.Select(r => r.ArticleId).Distinct(StringComparer.Ordinal).Count(),
            Interval: interval.ToString().ToLower(CultureInfo.InvariantCulture),
            Timeline: timeline,
            Outlets: Top(ordered.Select(r => r.Outlet), facetSize),
            Recent: recent,
            Complete: complete);
    }

    private static QuoteHit ToHit(QuoteRecord quote, string html) =>
        new(quote.Speaker, html, quote.ArticleId, quote.Title, quote.Outlet, quote.Published) { Kind = quote.Kind };

    private static List<FacetValue> Top(IEnumerable<string?> values, int size) =>
        [.. values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(size)];
}
