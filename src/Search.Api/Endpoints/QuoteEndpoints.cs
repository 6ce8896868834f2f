using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Backend;
using Search.Api.Security;
using Search.Core.Querying;
using Search.Core.Querying.Quotes;

namespace Search.Api.Endpoints;

/// <summary>GET /quotes (each quote its own hit) and GET /speakers/{name} (a speaker's page).</summary>
public static class QuoteEndpoints
{
    public static IEndpointRouteBuilder MapQuoteEndpoints(this IEndpointRouteBuilder routes)
    {
        var quotes = routes.MapGroup("/quotes").WithTags("Quotes").RequireApiKeyForReadsIfConfigured();
        quotes.MapGet("/", SearchQuotes)
            .WithName("SearchQuotes")
            .WithSummary("Search quotes")
            .WithDescription("Each quote is its own hit. Words without a field search the quote's words (Lucene classic syntax: "
                + "\"exact phrase\", \"words near\"~3, AND/OR/NOT, prefix*); a phrase must fit inside one quote. speaker: and title: "
                + "name the quote's speaker and its article's headline. 'text' is the quote HTML-escaped with the matches in <mark>. "
                + "Each hit says its source's kind (person or organization). Facets (speaker: people; organization; outlet, published month) count the matching quotes. The quotes of at most "
                + "Search:QuoteArticleLimit matching articles (best first, or newest/oldest as sorted) are read; beyond that "
                + "'complete' is false.")
            .ProducesValidationProblem();
        var speakers = routes.MapGroup("/speakers").WithTags("Quotes").RequireApiKeyForReadsIfConfigured();
        speakers.MapGet("/{name}", GetSpeaker)
            .WithName("GetSpeaker")
            .WithSummary("A speaker's page")
            .WithDescription("Everything attributed to one speaker (exact name, as the speaker facet lists it): quote count, "
                + "articles, quotes over time (interval chosen as histogram=auto chooses), top outlets and the newest quotes.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return routes;
    }

    public static async Task<Ok<QuoteSearchResponse>> SearchQuotes(
        ISearchBackend backend,
        [Description("Query over the quotes' words (Lucene classic syntax). Empty: every quote.")] string? q,
        [Description("Keep quotes by these speakers (repeatable, exact names).")] string[]? speaker,
        [Description("Keep quotes by these organisations (repeatable, exact names as the organization facet lists them).")] string[]? organization,
        [Description("Keep quotes from articles of these outlets (repeatable).")] string[]? outlet,
        [Description("First publication day, yyyy-MM-dd, inclusive.")] string? from,
        [Description("Last publication day, yyyy-MM-dd, inclusive.")] string? to,
        [Description("relevance (default with q), newest (default without) or oldest.")] string? sort,
        [Description("Page number from 1 (default 1).")] int? page,
        [Description("Quotes per page, 1-100 (default 10).")] int? size,
        CancellationToken cancellationToken)
    {
        var request = new QuoteSearchRequest
        {
            Query = q,
            Speakers = speaker ?? [],
            Organizations = organization ?? [],
            Outlets = outlet ?? [],
            From = SearchEndpoints.ParseDay("from", from),
            To = SearchEndpoints.ParseDay("to", to),
            Sort = string.IsNullOrWhiteSpace(sort) ? null : SearchEndpoints.ParseEnum("sort", sort, SearchSort.Relevance),
            Page = page ?? 1,
            Size = size ?? 10,
        };
        return TypedResults.Ok(await backend.SearchQuotesAsync(request, cancellationToken));
    }

    public static async Task<Ok<SpeakerProfile>> GetSpeaker(
        ISearchBackend backend,
        [Description("The speaker's name, exactly as the speaker facet lists it.")] string name,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await backend.ProfileSpeakerAsync(name, cancellationToken));
}
