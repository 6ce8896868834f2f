using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Infrastructure;
using Search.Core;
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
                + "field:value for title, body, outlet, speaker, quote, source and published, prefix*. Empty q matches every article. "
                + "Facet counts cover every match; a facet's own filter does not narrow its own counts (multi-select). "
                + "Aliases from the synonyms file are expanded (NYT also finds \"The New York Times\"). "
                + "When a word is not in the index, 'suggestion' gives the query with the closest indexed words (did you mean); "
                + "fuzzy=auto also searches with it when the query as typed finds nothing (then 'suggestionApplied' is true). "
                + "collapse=story returns one hit per story: copies of it among the matches (wire republications, reposts) "
                + "are counted in 'copies' with their outlets in 'storyOutlets', and 'stories' counts the distinct stories. "
                + "expand=prf (pseudo-relevance feedback) adds words common in the top results to a plain-word query ranked by "
                + "relevance: the matches and total are unchanged, only the order; phrases, fields and operators are left as written. "
                + "histogram=day|week|month|year|auto adds 'histogram': matching articles per bucket [{start, count}] from the first "
                + "dated match to the last, empty buckets included (auto: the finest interval with at most 60 buckets; "
                + "'histogramInterval' says which). Every filter applies to it except the date range (multi-select, like the facets). "
                + "terms=significant adds 'significantTerms' [{term, count, score}]: words and two-word phrases unusually frequent in "
                + "the top 500 matches (in the requested order) compared with the whole index (JLH score, as Elasticsearch's "
                + "significant_text), without stop words, page furniture or the query's own words. "
                + "Answers are cached until the index changes; a cached answer says 'cached': true.")
            .Produces<SearchResponse>()
            .ProducesValidationProblem();
        group.MapGet("/limits", GetLimits)
            .WithName("SearchLimits")
            .WithSummary("Limits and facets of /search")
            .WithDescription("The server's limits (largest size, result window, query length, facet size) and its facet names, "
                + "so clients build forms and pagers without copies of them.");
        return group;
    }

    public static IResult Search(
        ArticleSearcher searcher,
        CachedResponseBodies bodies,
        [Description("Query text (Lucene classic syntax). Empty: all articles.")] string? q,
        [Description("Keep these outlets (repeatable; OR within, AND across fields).")] string[]? outlet,
        [Description("Keep articles quoting these speakers (repeatable).")] string[]? speaker,
        [Description("Keep articles crediting or citing these outlets (repeatable).")] string[]? source,
        [Description("First publication day, yyyy-MM-dd, inclusive.")] string? from,
        [Description("Last publication day, yyyy-MM-dd, inclusive.")] string? to,
        [Description("relevance (default), newest or oldest.")] string? sort,
        [Description("How words without AND/OR combine: and (default) or or.")] string? op,
        [Description("Page number from 1 (default 1).")] int? page,
        [Description("Hits per page, 1-100 (default 10).")] int? size,
        [Description("Cursor from the previous response's 'after': the page after it.")] string? after,
        [Description("Count facets (default true).")] bool? facets,
        [Description("Unknown words: suggest (default: return a 'suggestion'), auto (also search with it when nothing is found) or off.")] string? fuzzy,
        [Description("none (default) or story: one hit per story, with its number of matching copies and their outlets. Pages with page, not after.")] string? collapse,
        [Description("none (default) or prf: pseudo-relevance feedback reorders the matches of a plain-word query with words common in its top results (relevance sort only; phrases, fields and operators are left as written).")] string? expand,
        [Description("Coverage timeline over every match: day, week, month, year or auto (at most about 60 buckets). Omit for none.")] string? histogram,
        [Description("significant: add the words and two-word phrases unusually frequent in the top 500 matches. Omit (or none) for none.")] string? terms,
        CancellationToken cancellationToken)
    {
        var request = new SearchRequest
        {
            Query = q,
            Outlets = outlet ?? [],
            Speakers = speaker ?? [],
            Sources = source ?? [],
            From = ParseDay("from", from),
            To = ParseDay("to", to),
            Sort = ParseEnum<SearchSort>("sort", sort, SearchSort.Relevance),
            Operator = ParseEnum<DefaultOperator>("op", op, DefaultOperator.And),
            Page = page ?? 1,
            Size = size ?? 10,
            After = string.IsNullOrEmpty(after) ? null : after,
            IncludeFacets = facets ?? true,
            CollapseStories = ParseEnum<StoryCollapse>("collapse", collapse, StoryCollapse.None) == StoryCollapse.Story,
            Expansion = ParseEnum<QueryExpansion>("expand", expand, QueryExpansion.None),
            Histogram = string.IsNullOrWhiteSpace(histogram) ? null : ParseEnum("histogram", histogram, HistogramInterval.Auto),
            Terms = ParseEnum("terms", terms, TermsMode.None),
        };
        return bodies.Write(searcher.Search(request, ParseEnum<FuzzyMode>("fuzzy", fuzzy, FuzzyMode.Suggest), cancellationToken));
    }

    public static Ok<SearchLimits> GetLimits(SearchOptions options) =>
        TypedResults.Ok(new SearchLimits(options.MaxPageSize, options.MaxResultWindow, options.MaxQueryLength, options.FacetSize,
            [.. FacetDefinition.All.Select(f => f.Name)],
            [.. Enum.GetNames<HistogramInterval>().Select(n => n.ToLower(CultureInfo.InvariantCulture))]));

    internal static DateOnly? ParseDay(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
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
