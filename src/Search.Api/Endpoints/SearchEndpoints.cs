using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Search.Api.Backend;
using Search.Api.Security;
using Search.Core;
using Search.Core.Articles;
using Search.Core.Querying;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Timeline;
using Search.Core.Querying.Trending;

namespace Search.Api.Endpoints;

/// <summary>GET /search: ranked, filtered, faceted, highlighted search.</summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/search").WithTags("Search").RequireApiKeyForReadsIfConfigured();
        group.MapGet("/", Search)
            .WithName("Search")
            .WithSummary("Search articles")
            .WithDescription("Lucene classic syntax: words, \"exact phrases\", \"phrase with slop\"~3, AND/OR/NOT/+/-, (grouping), "
                + "field:value for title, body, outlet, speaker, quote, source, published, author and lang, prefix*. Empty q matches every article. "
                + "Facet counts cover every match; a facet's own filter does not narrow its own counts (multi-select). "
                + "Aliases from the synonyms file are expanded (NYT also finds \"The New York Times\"). "
                + "When a word is not in the index, 'suggestion' gives the query with the closest indexed words (did you mean); "
                + "fuzzy=auto also searches with it when the query as typed finds nothing (then 'suggestionApplied' is true). "
                + "collapse=story returns one hit per story: copies of it among the matches (wire republications, reposts) "
                + "are counted in 'copies' with their outlets in 'storyOutlets', and 'stories' counts the distinct stories. "
                + "expand=prf (pseudo-relevance feedback) adds words common in the top results to a plain-word query ranked by "
                + "relevance: the matches and total are unchanged, only the order; phrases, fields and operators are left as written. "
                + "histogram=day|week|month|year|auto adds 'histogram': matching articles per bucket [{start, count, total}] from the first "
                + "dated match to the last, empty buckets included, and over at least from..to when given (auto: the finest interval with "
                + "at most 60 buckets; 'histogramInterval' says which). 'total' is the bucket's articles under the same filters without q "
                + "(count ÷ total is the coverage share). Every filter applies to it except the date range (multi-select, like the facets). "
                + "author and lang filter by byline and language (facets 'author' and 'lang'). "
                + "terms=significant adds 'significantTerms' [{term, count, score}]: words and two-word phrases unusually frequent in "
                + "the top 500 matches (in the requested order) compared with the whole index (JLH score, as Elasticsearch's "
                + "significant_text), without stop words, page furniture or the query's own words. "
                + "Answers are cached until the index changes; a cached answer says 'cached': true.")
            .ProducesValidationProblem();
        group.MapGet("/limits", GetLimits)
            .WithName("SearchLimits")
            .WithSummary("Limits and facets of /search")
            .WithDescription("The server's limits (largest size, result window, query length, facet size) and its facet names, "
                + "so clients build forms and pagers without copies of them.");
        return group;
    }

    public static async Task<Results<Ok<SearchResponse>, FileContentHttpResult>> Search(
        ISearchBackend backend,
        SearchResultCache cache,
        IOptions<JsonOptions> json,
        [AsParameters] SearchParameters parameters,
        CancellationToken cancellationToken)
    {
        var request = Filters(parameters) with
        {
            Page = parameters.Page ?? 1,
            Size = parameters.Size ?? 10,
            After = string.IsNullOrEmpty(parameters.After) ? null : parameters.After,
            IncludeFacets = parameters.Facets ?? true,
            CollapseStories = ParseEnum<StoryCollapse>("collapse", parameters.Collapse, StoryCollapse.None) == StoryCollapse.Story,
            Histogram = string.IsNullOrWhiteSpace(parameters.Histogram) ? null : ParseEnum("histogram", parameters.Histogram, HistogramInterval.Auto),
            Terms = ParseEnum("terms", parameters.Terms, TermsMode.None),
        };
        var response = await backend.SearchAsync(request, ParseEnum<FuzzyMode>("fuzzy", parameters.Fuzzy, FuzzyMode.Suggest), cancellationToken);
        // A cached answer's JSON is made once, with its cache entry: a repeated search then costs about what /health does.
        return cache.EncodedBody(response, r => JsonSerializer.SerializeToUtf8Bytes(r, json.Value.SerializerOptions)) is { } body
            ? TypedResults.Bytes(body, "application/json; charset=utf-8")
            : TypedResults.Ok(response);
    }

    public static Ok<SearchLimits> GetLimits(SearchOptions options) =>
        TypedResults.Ok(new SearchLimits(options.MaxPageSize, options.MaxResultWindow, options.MaxQueryLength, options.FacetSize,
            [.. FacetDefinition.All.Select(f => f.Name)],
            [.. Enum.GetNames<HistogramInterval>().Select(n => n.ToLower(CultureInfo.InvariantCulture))]));


    /// <summary>
    /// The query, filters, order and expansion that /search and /export share, read once so both take every filter
    /// (an export that missed one would silently hand out more rows than the search shows).
    /// </summary>
    internal static SearchRequest Filters(ISearchFilterParameters parameters) => new()
    {
        Query = parameters.Q,
        Outlets = parameters.Outlet ?? [],
        Speakers = parameters.Speaker ?? [],
        Sources = parameters.Source ?? [],
        Organizations = parameters.Organization ?? [],
        Authors = parameters.Author ?? [],
        Langs = parameters.Lang ?? [],
        From = ParseDay("from", parameters.From),
        To = ParseDay("to", parameters.To),
        Sort = ParseEnum("sort", parameters.Sort, SearchSort.Relevance),
        Operator = ParseEnum("op", parameters.Op, DefaultOperator.And),
        Expansion = ParseEnum("expand", parameters.Expand, QueryExpansion.None),
    };
    internal static DateOnly? ParseDay(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DayParser.TryParseIso(value, out var day)
            ? day
            : throw new SearchRequestException(parameter, $"{parameter} must be a date written yyyy-MM-dd (e.g. 2022-02-04); got '{value}'.");
    }

    internal static T ParseEnum<T>(string parameter, string? value, T fallback)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value[0])
            ? parsed
            : throw new SearchRequestException(parameter,
                $"Unknown {parameter} '{value}'; use one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }

    /// <summary>Values of the collapse parameter.</summary>
    private enum StoryCollapse
    {
        None,
        Story,
    }
}
