namespace Search.Core.Querying;

/// <summary>A page of results with facet counts over every matching article.</summary>
/// <param name="Query">The query text as received.</param>
/// <param name="Total">How many articles match the query and every filter.</param>
/// <param name="Page">The page number asked for.</param>
/// <param name="Size">The page size asked for.</param>
/// <param name="TookMs">Time spent in the search engine, in milliseconds.</param>
/// <param name="Hits">This page's results, in order.</param>
/// <param name="Facets">Per facet (outlet, speaker, published month, source): values with counts, by count then value.
/// A facet's own filter does not narrow its counts (multi-select).</param>
/// <param name="After">Cursor for the next page (pass it as <c>after</c>); null on the last page.</param>
public sealed record SearchResponse(
    string Query,
    int Total,
    int Page,
    int Size,
    long TookMs,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? After);
