using Microsoft.Extensions.Options;

namespace Search.Api.Infrastructure;

/// <summary>Attaches the API key check to a route group.</summary>
public static class ApiKeyEndpointExtensions
{
    /// <summary>Writes always need the key.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) => Create(context, next, isRead: false));

    /// <summary>Reads need the key only when configured so.</summary>
    public static TBuilder RequireApiKeyForReadsIfConfigured<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) => Create(context, next, isRead: true));

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next, bool isRead)
    {
        var services = context.ApplicationServices;
        var filter = new ApiKeyFilter(services.GetRequiredService<ApiKeyStore>(), services.GetRequiredService<IOptions<ApiOptions>>(), isRead);
        return invocation => filter.InvokeAsync(invocation, next);
    }
}
