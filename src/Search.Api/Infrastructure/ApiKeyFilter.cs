using Microsoft.Extensions.Options;

namespace Search.Api.Infrastructure;

/// <summary>
/// Lets a request through only with the API key, given as <c>Authorization: Bearer KEY</c> or
/// <c>X-Api-Key: KEY</c>. Read endpoints pass without it unless <see cref="ApiOptions.RequireKeyForReads"/>.
/// </summary>
public sealed class ApiKeyFilter(ApiKeyStore keys, IOptions<ApiOptions> options, bool isRead) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (isRead && !options.Value.RequireKeyForReads)
        {
            return await next(context);
        }

        var request = context.HttpContext.Request;
        var presented = request.Headers[HeaderName].FirstOrDefault();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (presented is null && authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization["Bearer ".Length..];
        }

        if (keys.IsValid(presented))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            detail: presented is null
                ? $"This endpoint needs the API key: send 'Authorization: Bearer <key>' or '{HeaderName}: <key>'."
                : "The API key is not valid.");
    }
}
