using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Backend;
using Search.Api.Security;
using Search.Core;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

/// <summary>/articles: single articles by id.</summary>
public static class ArticleEndpoints
{
    public static RouteGroupBuilder MapArticleEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/articles").WithTags("Articles").RequireApiKeyForReadsIfConfigured();
        group.MapGet("/{id}", GetArticle)
            .WithName("GetArticle")
            .WithSummary("Get one article")
            .WithDescription("The whole article: fields, clean body and quotes. With q, bodyHtml marks what the query matches.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/similar", GetSimilar)
            .WithName("GetSimilarArticles")
            .WithSummary("Articles like this one")
            .WithDescription("More-like-this on the article's body: the articles sharing its most distinctive words (highest tf-idf), "
                + "most similar first, the article itself excluded. Hits have the shape of /search hits; the snippet is the body's opening.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return group;
    }

    public static async Task<Ok<ArticleResponse>> GetArticle(
        ISearchBackend backend,
        [Description("Article id.")] string id,
        [Description("Optional query whose matches are marked in bodyHtml.")] string? q,
        CancellationToken cancellationToken)
    {
        var article = await backend.GetArticleAsync(id);
        var bodyHtml = string.IsNullOrWhiteSpace(q) ? null : await backend.HighlightBodyAsync(id, q, cancellationToken);
        return TypedResults.Ok(ArticleResponse.From(article, bodyHtml));
    }

    public static async Task<Ok<IReadOnlyList<SearchHit>>> GetSimilar(
        ISearchBackend backend,
        SearchOptions options,
        [Description("Article id.")] string id,
        [Description("How many similar articles, 1-100 (default 10).")] int? size,
        CancellationToken cancellationToken)
    {
        var count = size ?? 10;
        if (count < 1 || count > options.MaxPageSize)
        {
            throw new SearchRequestException("size", $"size must be between 1 and {options.MaxPageSize}; got {count}.");
        }

        return TypedResults.Ok(await backend.FindSimilarAsync(id, count, cancellationToken));
    }
}
