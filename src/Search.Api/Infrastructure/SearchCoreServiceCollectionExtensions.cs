using Microsoft.Extensions.Options;
using Search.Core;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Infrastructure;

/// <summary>
/// Registers the index, the searcher and their options. <c>Search:Shards</c> picks the backend when the host
/// starts: 1 is today's one <see cref="ArticleIndex"/> with <see cref="ArticleSearcher"/> and
/// <see cref="ArticleIngestor"/>; more is a <see cref="ShardedBackend"/> over shards in this process. The
/// choice is made in factories (the options are bound after registration), so every type stays registered and
/// what one index alone can serve (alerts) answers 501 on a sharded index.
/// </summary>
public static class SearchCoreServiceCollectionExtensions
{
    public static IServiceCollection AddSearchCore(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SearchOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<SearchOptions>();
            return options.Shards > 1
                ? throw new ShardedModeException("This feature")
                : IndexBootstrap.OpenOrBuild(options, sp.GetRequiredService<ILogger<ArticleIndex>>());
        });
        services.AddSearchHelpers();
        services.AddSingleton<ArticleSearcher>();
        services.AddSearchAlerts();
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<SingleIndexBackend>();
        services.AddSingleton<LocalShardDirectory>();
        services.AddSingleton<IShardDirectory>(sp => sp.GetRequiredService<LocalShardDirectory>());
        services.AddSingleton<ShardedBackend>();
        services.AddSingleton<ISearchBackend>(sp => IsSharded(sp)
            ? sp.GetRequiredService<ShardedBackend>()
            : sp.GetRequiredService<SingleIndexBackend>());
        // Opens (or builds) the index before the server listens, then keeps searchers fresh.
        // On a cluster the shard grains refresh themselves.
        // (AddSingleton, not AddHostedService: that one keeps a single factory registration per returned type.)
        services.AddSingleton<IHostedService>(sp => !IsSharded(sp) ? ActivatorUtilities.CreateInstance<IndexRefreshService>(sp)
            : sp.GetRequiredService<IShardDirectory>() is LocalShardDirectory ? ActivatorUtilities.CreateInstance<ShardRefreshService>(sp)
            : (IHostedService)new IdleService());
        return services;
    }

    /// <summary>True when the index is split into shards (<c>Search:Shards</c> &gt; 1).</summary>
    /// <remarks>On a cluster (<see cref="Cluster.SearchClusterOptions.Mode"/> not None) the shards are grains even when there is one.</remarks>
    public static bool IsSharded(IServiceProvider services) =>
        services.GetRequiredService<SearchOptions>().Shards > 1
        || services.GetService<Cluster.SearchClusterOptions>() is { Mode: not Cluster.ClusterMode.None };
}
