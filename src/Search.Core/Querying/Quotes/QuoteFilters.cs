namespace Search.Core.Querying.Quotes;

/// <summary>Which of a quote search's filters one quote passes: its own speaker, its article's outlet and day.</summary>
internal readonly record struct QuoteFilters(bool Speaker, bool Outlet, bool Published)
{
    /// <summary>A facet whose own filter is ignored when counting it.</summary>
    public enum Facet
    {
        None,
        Speaker,
        Outlet,
        Published,
    }

    /// <summary>
    /// The filters as the article query applies them, but per quote: a speaker filter keeps only that speaker's
    /// quotes (as /quotes always did), not every quote of an article where they speak.
    /// </summary>
    public static QuoteFilters Of(QuoteRecord quote, QuoteSearchRequest request) => new(
        (request.Speakers.Count == 0 && request.Organizations.Count == 0)
            || (quote.Kind == Articles.Quote.OrganizationKind ? request.Organizations : request.Speakers).Contains(quote.Speaker, StringComparer.OrdinalIgnoreCase),
        request.Outlets.Count == 0 || (quote.Outlet is not null && request.Outlets.Contains(quote.Outlet, StringComparer.Ordinal)),
        (request.From is null && request.To is null) || (quote.Published is { } day
            && (request.From is null || day >= request.From) && (request.To is null || day <= request.To)));

    /// <summary>Whether every filter but <paramref name="ignored"/>'s keeps the quote.</summary>
    public bool Keeps(Facet ignored) =>
        (Speaker || ignored == Facet.Speaker) && (Outlet || ignored == Facet.Outlet) && (Published || ignored == Facet.Published);
}
