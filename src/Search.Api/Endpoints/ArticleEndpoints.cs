using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Infrastructure;
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
        return group;
    }

    public static Ok<ArticleResponse> GetArticle(
        ArticleSearcher searcher,
        [Description("Article id.")] string id,
        [Description("Optional query whose matches are marked in bodyHtml.")] string? q)
    {
        var article = searcher.GetArticle(id);
        var bodyHtml = string.IsNullOrWhiteSpace(q) ? null : searcher.HighlightBody(id, q);
        return TypedResults.Ok(ArticleResponse.From(article, bodyHtml));
    }
}
