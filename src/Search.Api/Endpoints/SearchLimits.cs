namespace Search.Api.Endpoints;

/// <summary>What a client needs to build a search form: the server's limits and its facets, so pages hold no copies of them.</summary>
/// <param name="MaxPageSize">Largest size accepted.</param>
/// <param name="MaxResultWindow">Deepest hit reachable with page (page × size); deeper, follow the after cursor.</param>
/// <param name="MaxQueryLength">Longest q accepted, in characters.</param>
/// <param name="FacetSize">Values each facet returns.</param>
/// <param name="Facets">Facet names, in response order: each is also the parameter that filters it (published filters with from/to).</param>
/// <param name="HistogramIntervals">Values of histogram.</param>
public sealed record SearchLimits(
    int MaxPageSize,
    int MaxResultWindow,
    int MaxQueryLength,
    int FacetSize,
    IReadOnlyList<string> Facets,
    IReadOnlyList<string> HistogramIntervals);
