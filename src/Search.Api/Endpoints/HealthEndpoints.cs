using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>GET /health: liveness and the article count.</summary>
public static class HealthEndpoints
{
    /// <summary>Health report.</summary>
    /// <param name="Status">"ok" when the index answers.</param>
    /// <param name="Articles">Number of searchable articles.</param>
    public sealed record HealthResponse(string Status, int Articles);

    public static RouteHandlerBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", (ArticleIndex index) => TypedResults.Ok(new HealthResponse("ok", index.Count)))
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("Server health and article count");
}
