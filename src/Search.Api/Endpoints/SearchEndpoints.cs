using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Infrastructure;
using Search.Core.Articles;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;

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
                + "Answers are cached until the index changes; a cached answer says 'cached': true.")
            .ProducesValidationProblem();
        return group;
    }

    public static Results<Ok<SearchResponse>, FileContentHttpResult> Search(
        ArticleSearcher searcher,
        CachedResponseBodies bodies,
        [AsParameters] SearchParameters parameters,
        CancellationToken cancellationToken)
    {
        var request = new SearchRequest
        {
            Query = parameters.Q,
            Outlets = parameters.Outlet ?? [],
            Speakers = parameters.Speaker ?? [],
            Sources = parameters.Source ?? [],
            From = ParseDay("from", parameters.From),
            To = ParseDay("to", parameters.To),
            Sort = ParseEnum<SearchSort>("sort", parameters.Sort, SearchSort.Relevance),
            Operator = ParseEnum<DefaultOperator>("op", parameters.Op, DefaultOperator.And),
            Page = parameters.Page ?? 1,
            Size = parameters.Size ?? 10,
            After = string.IsNullOrEmpty(parameters.After) ? null : parameters.After,
            IncludeFacets = parameters.Facets ?? true,
            CollapseStories = ParseEnum<StoryCollapse>("collapse", parameters.Collapse, StoryCollapse.None) == StoryCollapse.Story,
            Expansion = ParseEnum<QueryExpansion>("expand", parameters.Expand, QueryExpansion.None),
        };
        return bodies.Write(searcher.Search(request, ParseEnum<FuzzyMode>("fuzzy", parameters.Fuzzy, FuzzyMode.Suggest), cancellationToken));
    }

    private static DateOnly? ParseDay(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DayParser.TryParseIso(value, out var day)
            ? day
            : throw new SearchRequestException(parameter, $"{parameter} must be a date written yyyy-MM-dd (e.g. 2022-02-04); got '{value}'.");
    }

    private static T ParseEnum<T>(string parameter, string? value, T fallback)
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
