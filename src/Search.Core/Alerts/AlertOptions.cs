using System.ComponentModel.DataAnnotations;

namespace Search.Core.Alerts;

/// <summary>Settings of saved-search alerts, bound from <c>Search:Alerts</c> (env <c>Search__Alerts__WebhookHosts__0</c>, ...).</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Search:Alerts";

    /// <summary>Folder of the saved alerts and their match log. Empty: <c>{IndexPath}.alerts</c> beside the index.</summary>
    public string Path { get; set; } = "";

    /// <summary>Most alerts that may be saved.</summary>
    [Range(1, 1_000_000)]
    public int MaxAlerts { get; set; } = 100_000;

    /// <summary>
    /// Hosts that webhooks may be sent to (exact host names, case-insensitive). Empty, the default: webhooks are
    /// off and an alert that names one is refused, so the server cannot be made to call arbitrary addresses.
    /// </summary>
    public string[] WebhookHosts { get; set; } = [];

    /// <summary>Attempts per webhook delivery round (the first try included), with exponential backoff between them.</summary>
    [Range(2, 20)]
    public int WebhookAttempts { get; set; } = 5;

    /// <summary>First backoff delay of a webhook retry, doubled for each further attempt (with jitter).</summary>
    [Range(1, 600_000)]
    public int WebhookRetryDelayMs { get; set; } = 1_000;
}
