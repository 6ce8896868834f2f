using Microsoft.Extensions.Options;
using Search.Api.Backend;
using Search.Api.Cluster;
using Search.Core;
using Search.Core.Alerts;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;

namespace Search.Api.Alerts;

/// <summary>Registers saved-search alerts: matched on the ingest path, with optional webhook delivery.</summary>
public static class AlertServiceCollectionExtensions
{
    public static IServiceCollection AddSearchAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AlertOptions>>().Value);
        // One index or shards in this process: the alerts match on the write path of the shards here, and the book
        // is beside the index. A cluster has one alert grain (the book) and each shard grain matches its own writes.
        services.AddSingleton(sp =>
        {
            if (SearchCoreServiceCollectionExtensions.IsCluster(sp))
            {
                throw new InvalidOperationException("On a cluster the shard grains match the alerts.");
            }

            var index = sp.GetRequiredService<ShardedArticleIndex>();
            return new AlertService(index.Shards, index.Path, sp.GetRequiredService<SynonymExpander>(), sp.GetRequiredService<SearchOptions>(),
                sp.GetRequiredService<AlertOptions>());
        });
        services.AddSingleton<IAlertBook>(sp => SearchCoreServiceCollectionExtensions.IsCluster(sp)
            ? sp.GetRequiredService<IGrainFactory>().GetGrain<IAlertGrain>(0)
            : sp.GetRequiredService<AlertService>().Book);
        // The ingestor hands every staged article to the alerts and waits for their matches to be durable.
        services.AddSingleton<IArticleWriteObserver>(sp => sp.GetRequiredService<AlertService>());
        services.AddHostedService<WebhookDelivery>();
        return services;
    }
}
