using Search.Core;
using Search.Core.Querying;
using Search.Core.Querying.Quotes;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;
using Search.Core.Querying.Trending;

namespace Search.Api.Infrastructure;

/// <summary>Registers the search helpers: aliases, spelling suggestions, autocomplete and similar articles.</summary>
public static class SearchHelpersServiceCollectionExtensions
{
    public static IServiceCollection AddSearchHelpers(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadSynonyms(sp.GetRequiredService<SearchOptions>(), sp.GetRequiredService<ILogger<SynonymExpander>>()));
        services.AddSingleton(sp => new SearchResultCache(sp.GetRequiredService<SearchOptions>().ResultCacheSize));
        services.AddSingleton<CompletionCatalog>();
        services.AddSingleton<SignificantTermsFinder>();
        services.AddSingleton<QuoteSearcher>();
        services.AddSingleton<SpeakerProfiler>();
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
