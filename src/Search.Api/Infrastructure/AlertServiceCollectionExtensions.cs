using Microsoft.Extensions.Options;
using Search.Core;
using Search.Core.Alerts;
using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;
using Search.Core.Sharding;

namespace Search.Api.Infrastructure;

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
        // Alerts match on the write path of the shards in this process (one for one index); a cluster has none here.
        services.AddSingleton(sp =>
        {
            if (SearchCoreServiceCollectionExtensions.IsCluster(sp))
            {
                throw new ShardedModeException("Alerts");
            }

            var index = sp.GetRequiredService<ShardedArticleIndex>();
            return new AlertService(index.Shards, index.Path, sp.GetRequiredService<SynonymExpander>(), sp.GetRequiredService<SearchOptions>(),
                sp.GetRequiredService<AlertOptions>());
        });
        // The ingestor hands every staged article to the alerts and waits for their matches to be durable.
        services.AddSingleton<IArticleWriteObserver>(sp => sp.GetRequiredService<AlertService>());
        services.AddSingleton<IHostedService>(sp => SearchCoreServiceCollectionExtensions.IsCluster(sp)
            ? new IdleService()
            : ActivatorUtilities.CreateInstance<WebhookDelivery>(sp));
        return services;
    }
}
