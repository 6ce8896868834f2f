using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>GET /health: liveness and the article count.</summary>
public static class HealthEndpoints
{
    /// <summary>Health report.</summary>
    /// <param name="Status">
    /// "ok" when the index answers; "degraded" while a writer failure (a full disk) keeps acknowledged writes
    /// in the write-ahead log waiting to be applied: they are safe, but not yet searchable.
    /// </param>
    /// <param name="Articles">Number of searchable articles.</param>
    public sealed record HealthResponse(string Status, int Articles);

    public static RouteHandlerBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", (ArticleIndex index) => TypedResults.Ok(new HealthResponse(index.NeedsRecovery ? "degraded" : "ok", index.Count)))
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("Server health and article count");
}
