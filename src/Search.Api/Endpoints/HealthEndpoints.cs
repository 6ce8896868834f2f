using Search.Api.Backend;

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
    /// <param name="Shards">Number of shards the index is split into (1: one index).</param>
    /// <param name="Silos">Silos of the cluster that are up (1 without a cluster: this process).</param>
    public sealed record HealthResponse(string Status, int Articles, int Shards, int Silos);

    public static RouteHandlerBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", async (ISearchBackend backend) =>
                TypedResults.Ok(new HealthResponse(await backend.DegradedAsync() ? "degraded" : "ok", await backend.CountAsync(), backend.Shards, await backend.SilosAsync())))
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("Server health and article count");
}
