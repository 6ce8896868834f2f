namespace Search.Bench.Http;

/// <summary>Names of the HTTP load targets, shared by the run and the target checks.</summary>
public static class HttpTargets
{
    public const string Ceiling = "/health (ceiling)";

    public const string TermWithoutFacets = "/search term, facets=false";

    /// <summary>Suffix of the targets served with <c>Search:ResultCacheSize</c> 0 (every request searches).</summary>
    public const string CacheOff = ", result cache off";
}
