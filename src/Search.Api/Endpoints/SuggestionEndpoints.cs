using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Backend;
using Search.Api.Security;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;

namespace Search.Api.Endpoints;

/// <summary>GET /suggest: autocomplete over titles, speakers and outlets.</summary>
public static class SuggestionEndpoints
{
    private const int MaxSize = 50;

    public static RouteGroupBuilder MapSuggestionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/suggest").WithTags("Search").RequireApiKeyForReadsIfConfigured();
        group.MapGet("/", Suggest)
            .WithName("Suggest")
            .WithSummary("Autocomplete titles, speakers and outlets")
            .WithDescription("Titles, speakers and outlets that start with the prefix or have a word that does (case and accents ignored), "
                + "each with its kind and how many articles carry it. Entries that start with the prefix come first, then by count. "
                + "Served from a per-index-reader cache, fast enough for every keystroke.")
            .ProducesValidationProblem();
        return group;
    }

    public static async Task<Ok<IReadOnlyList<Completion>>> Suggest(
        ISearchBackend backend,
        [Description("What the user has typed so far.")] string? prefix,
        [Description("Entries to return, 1-50 (default 10).")] int? size)
    {
        var count = size ?? 10;
        if (count is < 1 or > MaxSize)
        {
            throw new SearchRequestException("size", $"size must be between 1 and {MaxSize}; got {count}.");
        }

        return TypedResults.Ok(string.IsNullOrWhiteSpace(prefix) ? [] : await backend.CompleteAsync(prefix, count));
    }
}
