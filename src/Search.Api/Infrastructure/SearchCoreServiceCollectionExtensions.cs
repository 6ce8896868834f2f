using Microsoft.Extensions.Options;
using Search.Core;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Infrastructure;

/// <summary>Registers the index, the searcher and their options.</summary>
public static class SearchCoreServiceCollectionExtensions
{
    public static IServiceCollection AddSearchCore(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SearchOptions>>().Value);
        services.AddSingleton(sp => IndexBootstrap.OpenOrBuild(
            sp.GetRequiredService<SearchOptions>(), sp.GetRequiredService<ILogger<ArticleIndex>>()));
        services.AddSearchHelpers();
        services.AddSingleton<ArticleSearcher>();
        services.AddSearchAlerts();
        services.AddSingleton<ArticleIngestor>();
        // Opens (or builds) the index before the server listens, then keeps searchers fresh.
        services.AddHostedService<IndexRefreshService>();
        return services;
    }
}
