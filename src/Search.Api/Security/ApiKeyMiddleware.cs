using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Search.Api.Hosting;

namespace Search.Api.Security;

/// <summary>
/// Lets a request to a route marked with <see cref="ApiKeyRequirement"/> through only with the API key, given
/// as <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>, and refuses a write body declared larger than
/// <see cref="ApiOptions.MaxRequestBodyBytes"/> (413). It runs after routing but before the endpoint binds its
/// parameters: an endpoint filter runs after binding, so an anonymous caller could make the server read and
/// parse a 10 MB body, and a malformed anonymous body got a 400 instead of the 401 it deserves.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyStore keys, IOptions<ApiOptions> options, IProblemDetailsService problems)
{
    public const string HeaderName = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var requirement = endpoint?.Metadata.GetMetadata<ApiKeyRequirement>();
        if (requirement is null || (requirement.IsRead && !options.Value.RequireKeyForReads))
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var presented = request.Headers[HeaderName].FirstOrDefault();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (presented is null && authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization["Bearer ".Length..];
        }

        if (!keys.IsValid(presented))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(context, StatusCodes.Status401Unauthorized, "API key required", presented is null
                ? $"This endpoint needs the API key: send 'Authorization: Bearer <key>' or '{HeaderName}: <key>'."
                : "The API key is not valid.");
            return;
        }

        // Streamed endpoints (bulk) opt out with their own size metadata; the rest get the configured limit.
        var limit = endpoint!.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared
            ? declared.MaxRequestBodySize
            : options.Value.MaxRequestBodyBytes;
        if (limit is { } max && request.ContentLength > max)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body is {request.ContentLength} bytes; the limit is {max} (Search:MaxRequestBodyBytes). Send many articles with POST /articles/bulk.");
            return;
        }

        await next(context);
    }

    private async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
