namespace Search.Bench.Http;

/// <summary>Names of the HTTP load targets, shared by the run and the target checks.</summary>
public static class HttpTargets
{
    public const string Ceiling = "/health (ceiling)";

    public const string TermWithoutFacets = "/search term, facets=false";

    public const string TermWithFacets = "/search term, facets on (default)";

    /// <summary>Suffix of the targets served with <c>Search:ResultCacheSize</c> 0 (every request searches).</summary>
    public const string CacheOff = ", result cache off";

    /// <summary>One query class with the API's defaults (facets on, 10 hits with snippets) and the result cache off.</summary>
    public static string PerClass(Queries.QueryClass queryClass) => $"/search {queryClass}, defaults{CacheOff}";

    /// <summary>The request a user of the API makes for <paramref name="query"/>: default parameters except what the class sets.</summary>
    public static string PathOf(Queries.BenchQuery query)
    {
        var path = "/search?q=" + Uri.EscapeDataString(query.ToLucene());
        path += query.Outlet is null ? "" : "&outlet=" + Uri.EscapeDataString(query.Outlet);
        path += query.SortByDate ? "&sort=newest" : "";
        return path + (query.Page == 1 ? "" : $"&page={query.Page}");
    }
}
