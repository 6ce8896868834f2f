namespace Search.Core.Querying.Quotes;

/// <summary>Builds a speaker's page from a quote search for their exact name: quotes over time, top outlets, newest quotes.</summary>
public sealed class SpeakerProfiler(QuoteSearcher quotes, SearchOptions options)
{
    /// <summary>How many newest quotes a profile lists.</summary>
    public const int RecentCount = 10;

    public SpeakerProfile Profile(string name, CancellationToken cancellationToken)
    {
        var request = Request(name, options);
        return quotes.Run(request, multiSelect: false, (_, candidates, _, matches, complete) =>
            QuoteAnswers.Profile(name, [.. matches.Select(m => candidates[m.Doc])], i => candidates[matches[i].Doc].Text, complete, options.FacetSize),
            cancellationToken);
    }

    /// <summary>The quote search behind a speaker's page: every quote of that exact name, newest first.</summary>
    /// <exception cref="SearchRequestException">No name, or one longer than a query may be.</exception>
    internal static QuoteSearchRequest Request(string name, SearchOptions options) =>
        string.IsNullOrWhiteSpace(name) || name.Length > options.MaxQueryLength
            ? throw new SearchRequestException("name", "Give a speaker name, as the speaker facet lists it.")
            : new QuoteSearchRequest { Speakers = [name], Sort = SearchSort.Newest };
}
