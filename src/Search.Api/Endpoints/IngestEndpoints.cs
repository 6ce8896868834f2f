using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Backend;
using Search.Api.Security;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>Writes: add, replace, delete and bulk-load articles. Every route needs the API key.</summary>
public static class IngestEndpoints
{
    public static RouteGroupBuilder MapIngestEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/articles").WithTags("Ingest").RequireApiKey();
        group.MapPost("/", Create)
            .WithName("CreateArticle")
            .WithSummary("Add an article")
            .WithDescription("Extracts title, clean body, outlet, speakers and date from text or html (given fields win), "
                + "stores it durably and returns it. An article with the same id is replaced. ?refresh=wait returns once it is searchable. "
                + "Aliases: body for text, date for published, source for sources.")
            .Accepts<ArticleRecord>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPut("/{id}", Replace)
            .WithName("ReplaceArticle")
            .WithSummary("Add or replace the article with this id")
            .Accepts<ArticleRecord>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapDelete("/{id}", Delete)
            .WithName("DeleteArticle")
            .WithSummary("Delete an article")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/bulk", BulkLoader.Load)
            .WithName("BulkLoad")
            .WithSummary("Bulk-load newline-delimited JSON articles")
            .WithDescription("Body: one article object per line (as for POST /articles, aliases included; a bad line fails as POST /articles would). Streamed: the body is never held whole. "
                + "Response (application/x-ndjson): one result per line, {line, id, status: created|updated|error, error}, "
                + "written once the line's batch is committed. A bad line does not stop the others.")
            // Streamed line by line with a limit per line, so the whole-body limit does not apply.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute())
            .Accepts<ArticleRecord>("application/x-ndjson")
            .Produces<BulkLineResult>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }

    public static async Task<Created<ArticleResponse>> Create(
        ISearchBackend backend,
        HttpRequest request,
        [Description("wait: return once the article is visible to searches.")] string? refresh,
        CancellationToken cancellationToken)
    {
        var (article, _) = await WriteAsync(backend, request, null, refresh, cancellationToken);
        return TypedResults.Created(Location(article), ArticleResponse.From(article, null));
    }

    public static async Task<Results<Ok<ArticleResponse>, Created<ArticleResponse>>> Replace(
        ISearchBackend backend,
        string id,
        HttpRequest request,
        [Description("wait: return once the change is visible to searches.")] string? refresh,
        CancellationToken cancellationToken)
    {
        var (article, outcome) = await WriteAsync(backend, request, id, refresh, cancellationToken);
        var response = ArticleResponse.From(article, null);
        return outcome == IngestOutcome.Created ? TypedResults.Created(Location(article), response) : TypedResults.Ok(response);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        ISearchBackend backend,
        string id,
        [Description("wait: return once the article is gone from searches.")] string? refresh) =>
        await backend.DeleteAsync(id, IsWait(refresh))
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Article not found", detail: $"No article has the id '{id}'.");

    /// <summary>Reads the body as the one article contract (<see cref="ArticleRecordReader"/>) and writes it durably.</summary>
    private static async Task<(Article Article, IngestOutcome Outcome)> WriteAsync(
        ISearchBackend backend, HttpRequest request, string? routeId, string? refresh, CancellationToken cancellationToken)
    {
        var wait = IsWait(refresh);
        var record = await ArticleRecordReader.ReadAsync(request.Body, cancellationToken);
        return await backend.WriteAsync(record.ToRawArticle(routeId), wait);
    }

    private static string Location(Article article) => $"/articles/{Uri.EscapeDataString(article.Id)}";

    public static bool IsWait(string? refresh) => refresh switch
    {
        null or "" or "false" => false,
        "wait" or "true" => true,
        _ => throw new ArticleWriteException("refresh", $"refresh must be 'wait' (or omitted); got '{refresh}'."),
    };
}
