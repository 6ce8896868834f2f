using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Search.Api.Export;
using Search.Api.Security;

namespace Search.Api.Hosting;

/// <summary>HTTP concerns: errors as ProblemDetails, OpenAPI, the search page, the start-up banner.</summary>
public static class SearchApiServiceCollectionExtensions
{
    public static IServiceCollection AddSearchApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(Search.Core.SearchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ExportLimiter>();
        services.AddHostedService<ApiKeyAnnouncer>();
        services.AddSearchRateLimiter();
        services.AddCors();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        services.AddOutputCache();
        services.AddProblemDetails();
        services.AddExceptionHandler<SearchExceptionHandler>();
        // Binding failures (page=abc) throw, so the exception handler can say which parameter was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "News search API";
            document.Info.Description = "Full-text search over news articles: BM25 ranking, phrase queries with slop, "
                + "fielded boolean syntax, facets by outlet, speaker and month, highlighted snippets and cursor paging.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication UseSearchErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var origins = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.CorsOrigins;
        if (origins.Length > 0)
        {
            // CORS is off unless origins are configured: browsers on other sites cannot call the API.
            app.UseCors(policy => policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod());
        }

        app.UseRateLimiter();
        app.UseOutputCache();
        return app;
    }

    /// <summary>
    /// Serves the search page from the wwwroot copied beside the binaries, so it works whatever folder the
    /// server is started from (the index path stays relative to the working folder).
    /// </summary>
    public static WebApplication UseSearchPage(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(root))
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        return app;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and interactive docs at /docs.</summary>
    public static WebApplication MapSearchDocs(this WebApplication app)
    {
        // The document is the same for the server's lifetime but costs ~10 ms to generate: make it once.
        app.MapOpenApi().CacheOutput(policy => policy.Expire(TimeSpan.FromDays(1)));
        app.MapScalarApiReference("/docs", options => options.WithTitle("News search API"));
        return app;
    }

    /// <summary>Logs the address to open once the server listens.</summary>
    public static WebApplication AnnounceAddressOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Urls)
            {
                app.Logger.LogInformation("Search page: {Address}/  API docs: {Address}/docs", address.TrimEnd('/'), address.TrimEnd('/'));
            }
        });
        return app;
    }
}
