using System.IO.Compression;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Search.Api.Backend;
using Search.Api.Export;
using Search.Api.Security;
using Search.Core;

namespace Search.Api.Endpoints;

/// <summary>GET /export: every match of a search, streamed as CSV or NDJSON.</summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/export").WithTags("Export").RequireApiKeyForReadsIfConfigured();
        group.MapGet("/", Export)
            .WithName("Export")
            .WithSummary("Download every match")
            .WithDescription("Takes q and every /search filter (outlet, speaker, source, author, lang, from, to) with sort, op and expand, "
                + "and streams every matching article in that order (ties by id) from the index as it was when the request started. "
                + "format=csv (default; RFC 4180, header row, CRLF, lists joined with '; ') or ndjson (one JSON object per line). "
                + "fields=id,url,title,outlet,published,speakers,sources,authors,lang (the default) picks and orders the columns. "
                + "Send Accept-Encoding: gzip for a compressed download. X-Total-Count gives the number of matches; past the server's "
                + "row cap (Search:MaxExportRows) the download stops there and X-Export-Truncated is true. Only Search:MaxConcurrentExports "
                + "exports run at once: one more is refused with 429 and Retry-After.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/x-ndjson"])
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();
        return group;
    }

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        HttpContext context,
        ISearchBackend backend,
        ExportLimiter limiter,
        SearchOptions options,
        [AsParameters] ExportParameters parameters,
        CancellationToken cancellationToken)
    {
        var format = SearchEndpoints.ParseEnum("format", parameters.Format, ExportFormat.Csv);
        var fields = ExportRowWriter.ParseFields(parameters.Fields);
        var request = SearchEndpoints.Filters(parameters) with { IncludeFacets = false };

        var slot = limiter.TryEnter();
        if (slot is null)
        {
            context.Response.Headers.RetryAfter = ExportLimiter.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many exports",
                detail: $"{options.MaxConcurrentExports} exports are already running; retry in {ExportLimiter.RetryAfterSeconds} seconds.");
        }

        IExportCursor export;
        try
        {
            // Opened before the response starts, so a bad query is still a 400 ProblemDetails.
            export = await backend.OpenExportAsync(request, cancellationToken);
        }
        catch
        {
            slot.Dispose();
            throw;
        }

        var gzip = AcceptsGzip(context.Request);
        var headers = context.Response.Headers;
        headers["X-Total-Count"] = export.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-Export-Truncated"] = export.Total > options.MaxExportRows ? "true" : "false";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (gzip)
        {
            headers.ContentEncoding = "gzip";
        }

        var contentType = format == ExportFormat.Csv ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8";
        var fileName = format == ExportFormat.Csv ? "export.csv" : "export.ndjson";
        return TypedResults.Stream(async body =>
        {
            try
            {
                await using var _ = export;
                await using var compressed = gzip ? new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true) : null;
                await using var writer = new ExportRowWriter(compressed ?? body, format, fields);
                await foreach (var row in export.Rows(options.MaxExportRows, cancellationToken))
                {
                    await writer.WriteAsync(row, cancellationToken);
                }

                await writer.CompleteAsync(cancellationToken);
            }
            finally
            {
                slot.Dispose();
            }
        }, contentType, fileName);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(value => value is not null
            && value.Split(',').Any(coding => coding.Trim().StartsWith("gzip", StringComparison.OrdinalIgnoreCase) && !coding.Contains("q=0", StringComparison.Ordinal)));
}
