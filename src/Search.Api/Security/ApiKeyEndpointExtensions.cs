namespace Search.Api.Security;

/// <summary>Marks a route group as needing the API key; <see cref="ApiKeyMiddleware"/> enforces it.</summary>
public static class ApiKeyEndpointExtensions
{
    /// <summary>Writes always need the key.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiKeyRequirement(IsRead: false));

    /// <summary>Reads need the key only when configured so.</summary>
    public static TBuilder RequireApiKeyForReadsIfConfigured<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiKeyRequirement(IsRead: true));

    /// <summary>Checks keys and body sizes after routing and before any endpoint reads its body.</summary>
    public static WebApplication UseApiKeyCheck(this WebApplication app)
    {
        app.UseMiddleware<ApiKeyMiddleware>();
        return app;
    }
}
