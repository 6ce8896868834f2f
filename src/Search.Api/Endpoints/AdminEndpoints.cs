using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Backend;
using Search.Api.Security;
using Search.Core.Articles;

namespace Search.Api.Endpoints;

/// <summary>/admin: operations on the index itself. Every route needs the API key.</summary>
public static class AdminEndpoints
{
    /// <summary>A finished backup.</summary>
    /// <param name="Path">Folder holding the copy (restore with the indexer's restore command).</param>
    /// <param name="Files">Index files copied.</param>
    /// <param name="Articles">Articles in the index when the snapshot was taken.</param>
    public sealed record BackupResponse(string Path, int Files, int Articles);

    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin").WithTags("Admin").RequireApiKey();
        group.MapPost("/backup", Backup)
            .WithName("Backup")
            .WithSummary("Copy a consistent snapshot of the live index")
            .WithDescription("Commits, pins the commit with a snapshot (writes go on meanwhile) and copies its files to "
                + "{IndexPath}.backups/{name}. Restore with: dotnet run --project src/Search.Indexer -- restore --from <path> --index <index>.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();
        group.MapGet("/shards", async (IShardDirectory shards) => TypedResults.Ok(await shards.LocateAsync()))
            .WithName("Shards")
            .WithSummary("Where each shard is active")
            .WithDescription("One entry per shard: the process id of the silo holding it, or null when it does not answer "
                + "(its silo died and it has not moved yet). Activates every shard.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/shards/rebalance", async (IShardDirectory shards) =>
            {
                await shards.RebalanceAsync();
                return TypedResults.NoContent();
            })
            .WithName("RebalanceShards")
            .WithSummary("Spread the shards over the silos up")
            .WithDescription("Closes every shard grain; each reopens on its next call on the silo placement picks now "
                + "(shard i on the i-th silo up). Run it after silos join: shards otherwise stay where they were first opened.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }

    public static async Task<Ok<BackupResponse>> Backup(
        ISearchBackend backend,
        [Description("Backup name (letters, digits, . _ - :); default: a UTC timestamp.")] string? name,
        CancellationToken cancellationToken)
    {
        name ??= DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        if (ArticleIds.Validate(name) is { } problem)
        {
            throw new ArticleWriteException("name", problem.Replace("id", "name", StringComparison.Ordinal));
        }

        var folder = Path.Combine(backend.IndexPath.TrimEnd(Path.DirectorySeparatorChar) + ".backups", name);
        if (Directory.Exists(folder))
        {
            throw new ArticleWriteException("name", $"A backup named '{name}' already exists.");
        }

        var articles = await backend.CountAsync();
        var files = await backend.BackupAsync(folder, cancellationToken);
        return TypedResults.Ok(new BackupResponse(folder, files, articles));
    }
}
