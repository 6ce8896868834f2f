using Search.Core;
using Search.Core.Querying;
using Search.Core.Querying.Synonyms;

namespace Search.Api.Backend;

/// <summary>Registers what the engine shares with the endpoints: the query aliases and the result cache.</summary>
public static class SearchHelpersServiceCollectionExtensions
{
    public static IServiceCollection AddSearchHelpers(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadSynonyms(sp.GetRequiredService<SearchOptions>(), sp.GetRequiredService<ILogger<SynonymExpander>>()));
        services.AddSingleton(sp => new SearchResultCache(sp.GetRequiredService<SearchOptions>().ResultCacheSize));
        return services;
    }

    private static SynonymExpander LoadSynonyms(SearchOptions options, ILogger logger)
    {
        var path = options.SynonymsPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return SynonymExpander.Empty;
        }

        if (!Path.IsPathRooted(path) && !File.Exists(path))
        {
            path = Path.Combine(AppContext.BaseDirectory, path);
        }

        if (!File.Exists(path))
        {
            logger.LogInformation("No alias file at {SynonymsPath}; queries are not expanded", options.SynonymsPath);
            return SynonymExpander.Empty;
        }

        logger.LogInformation("Query aliases from {SynonymsPath}", Path.GetFullPath(path));
        return SynonymExpander.FromFile(path);
    }
}
