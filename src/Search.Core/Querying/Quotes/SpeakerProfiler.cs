using System.Globalization;
using System.Net;
using Search.Core.Querying.Timeline;

namespace Search.Core.Querying.Quotes;

/// <summary>Builds a speaker's page from a quote search for their exact name: quotes over time, top outlets, newest quotes.</summary>
public sealed class SpeakerProfiler(QuoteSearcher quotes, SearchOptions options)
{
    /// <summary>How many newest quotes a profile lists.</summary>
    public const int RecentCount = 10;

    public SpeakerProfile Profile(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > options.MaxQueryLength)
        {
            throw new SearchRequestException("name", "Give a speaker name, as the speaker facet lists it.");
        }

        var request = new QuoteSearchRequest { Speakers = [name], Sort = SearchSort.Newest };
        return quotes.Run(request, multiSelect: false, (candidates, _, matches, complete) =>
        {
            if (matches.Count == 0)
            {
                throw new SpeakerNotFoundException(name);
            }

            var records = matches.Select(m => candidates[m.Doc]).ToList();
            var perDay = records.Where(r => r.Published is not null)
                .GroupBy(r => r.Published!.Value.DayNumber)
                .ToDictionary(g => g.Key, g => g.Count());
            var timeline = TimelineCounter.FromDays(perDay, HistogramInterval.Auto, out var interval);
            var recent = records.Take(RecentCount).Select(r => QuoteSearcher.ToHit(r, WebUtility.HtmlEncode(r.Text))).ToList();
            return new SpeakerProfile(
                Name: records[0].Speaker,
                Quotes: records.Count,
                Articles: records.Select(r => r.ArticleId).Distinct(StringComparer.Ordinal).Count(),
                Interval: interval.ToString().ToLower(CultureInfo.InvariantCulture),
                Timeline: timeline,
                Outlets: QuoteSearcher.Top(records.Select(r => r.Outlet), options.FacetSize),
                Recent: recent,
                Complete: complete);
        }, cancellationToken);
    }
}
