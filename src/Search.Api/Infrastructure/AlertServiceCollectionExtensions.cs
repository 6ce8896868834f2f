using Microsoft.Extensions.Options;
using Search.Core.Alerts;
using Search.Core.Indexing;

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
        services.AddSingleton<AlertService>();
        // The ingestor hands every staged article to the alerts and waits for their matches to be durable.
        services.AddSingleton<IArticleWriteObserver>(sp => sp.GetRequiredService<AlertService>());
        // Alerts read one index; a sharded index has none to match against yet (the alert routes answer 501).
        services.AddSingleton<IHostedService>(sp => SearchCoreServiceCollectionExtensions.IsSharded(sp)
            ? new IdleService()
            : ActivatorUtilities.CreateInstance<WebhookDelivery>(sp));
        return services;
    }
}
