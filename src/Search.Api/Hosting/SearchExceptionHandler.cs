using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Quotes;

namespace Search.Api.Hosting;

/// <summary>
/// The one place domain exceptions become RFC 7807 responses: a bad query or parameter is a 400 that
/// says what is wrong, an unknown article a 404. Anything else is left to the default 500 handler.
/// </summary>
public sealed class SearchExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            QuerySyntaxException syntax => Problem(400, "Invalid query", syntax.Message, extensions: syntax.Column is { } column ? new() { ["column"] = column } : null),
            SearchRequestException request => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [request.Parameter] = [request.Message] })
            {
                Status = 400,
                Title = $"Invalid parameter '{request.Parameter}'",
                Detail = request.Message,
            },
            ArticleWriteException write => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [write.Field] = [write.Message] })
            {
                Status = 400,
                Title = $"Invalid article field '{write.Field}'",
                Detail = write.Message,
            },
            SearchTimeoutException timeout => Problem(503, "Search timed out", timeout.Message),
            ArticleNotFoundException notFound => Problem(404, "Article not found", notFound.Message),
            SpeakerNotFoundException speaker => Problem(404, "Speaker not found", speaker.Message),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, "Bad request", badRequest.Message),
            ShardsUnavailableException shards => Problem(503, "Shards unavailable", shards.Message,
                new() { ["missingShards"] = shards.Shards }),
            IndexLockedException locked => Problem(409, "Index is locked", locked.Message),
            // Disk full: the write was not logged (nothing of it stays), so the client may retry once space returns.
            IOException io when IsDiskFull(io) => Problem(507, "Insufficient storage", "The server's disk is full; the write was not stored. Retry later."),
            IOException io => Problem(503, "Storage unavailable", "The index storage failed (" + io.Message + "); the write was not acknowledged. Retry later."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? 400;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>ENOSPC on Unix (.NET keeps the errno as the HResult); ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static bool IsDiskFull(IOException exception) =>
        exception.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027)
        || (exception.InnerException is IOException inner && IsDiskFull(inner));

    private static ProblemDetails Problem(int status, string title, string detail, Dictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
