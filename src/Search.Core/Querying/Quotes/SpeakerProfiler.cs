namespace Search.Core.Querying.Quotes;

/// <summary>What a speaker's page asks (<see cref="QuoteSearcher.Profile"/>): every quote of one exact name, newest first.</summary>
public static class SpeakerProfiler
{
    /// <summary>How many newest quotes a profile lists.</summary>
    public const int RecentCount = 10;

    /// <summary>The quote search behind a speaker's page: every quote of that exact name, newest first.</summary>
    /// <exception cref="SearchRequestException">No name, or one longer than a query may be.</exception>
    internal static QuoteSearchRequest Request(string name, SearchOptions options) =>
        string.IsNullOrWhiteSpace(name) || name.Length > options.MaxQueryLength
            ? throw new SearchRequestException("name", "Give a speaker name, as the speaker facet lists it.")
            : new QuoteSearchRequest { Speakers = [name], Sort = SearchSort.Newest };
}
