namespace Search.Core.Querying.Quotes;

/// <summary>A page of matching quotes, with facet counts over every matching quote.</summary>
/// <param name="Total">How many quotes match (each quote counts once, however many times it matched).</param>
/// <param name="Hits">This page of quotes, in order.</param>
/// <param name="Facets">speaker, outlet and published (month, yyyy-MM): values with quote counts, by count then value.</param>
/// <param name="Complete">False when more articles matched than a quote search reads (SearchOptions.QuoteArticleLimit):
/// then the quotes come from the best (or newest/oldest) articles only and the total counts those.</param>
public sealed record QuoteSearchResponse(
    int Total,
    IReadOnlyList<QuoteHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    bool Complete);
