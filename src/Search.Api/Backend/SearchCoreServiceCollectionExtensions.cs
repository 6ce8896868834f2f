using Microsoft.Extensions.Options;
using Search.Api.Alerts;
using Search.Api.Hosting;
using Search.Core;
using Search.Core.Engine;

namespace Search.Api.Backend;

/// <summary>
/// Registers the engine and its options. There is one engine (#22): the endpoints go through a
/// <see cref="ShardedBackend"/>, a coordinator over shards. <c>Search:Shards</c> = 1 (the default) is one
/// <see cref="LocalShard"/> in this process over the index folder itself; more are shards in this process; on a
/// cluster they are grains. The choice is made in factories (the options are bound after registration). Alerts
/// match on the write path of the shards in this process (any number); on a cluster each shard grain matches its own
/// writes and the alert grain holds the book.
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
        services.AddSingleton(sp => ShardedIndexBootstrap.OpenOrBuild(sp.GetRequiredService<SearchOptions>(), sp.GetRequiredService<ILogger<ShardedArticleIndex>>()));
        services.AddSearchHelpers();
        services.AddSearchAlerts();
        services.AddSingleton<LocalShardDirectory>();
        services.AddSingleton<IShardDirectory>(sp => sp.GetRequiredService<LocalShardDirectory>());
        services.AddSingleton<ISearchBackend, ShardedBackend>();
        // Opens (or builds) the index before the server listens, then keeps searchers fresh.
        // On a cluster the shard grains refresh themselves.
        // (AddSingleton, not AddHostedService: that one keeps a single factory registration per returned type.)
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IShardDirectory>() is LocalShardDirectory
            ? ActivatorUtilities.CreateInstance<ShardRefreshService>(sp)
            : new IdleService());
        return services;
    }

    /// <summary>True on a cluster (<see cref="Cluster.SearchClusterOptions.Mode"/> not None): the shards are grains, even when there is one.</summary>
    public static bool IsCluster(IServiceProvider services) =>
        services.GetService<Cluster.SearchClusterOptions>() is { Mode: not Cluster.ClusterMode.None };
}
