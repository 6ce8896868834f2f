namespace Search.Core.Alerts;

/// <summary>
/// The saved alerts and their matches as the API reads and changes them, on every layout: an <see cref="AlertBook"/>
/// in this process, or the one alert grain of a cluster, which every silo reaches (the grain interface is this one).
/// </summary>
public interface IAlertBook
{
    /// <summary>Validates and saves an alert durably; it matches articles written from now on.</summary>
    Task<SavedAlert> CreateAsync(AlertRequest request);

    /// <summary>The saved alerts, oldest first, with their match counts.</summary>
    Task<IReadOnlyList<AlertSummary>> ListAsync();

    Task<SavedAlert?> FindAsync(string id);

    /// <summary>Deletes an alert and forgets its matches; false when there is none with this id.</summary>
    Task<bool> DeleteAsync(string id);

    /// <summary>Durable matches of one alert after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<AlertMatchPage> ReadAsync(string id, long after, int limit);

    /// <summary>Returns the newest durable cursor once it is beyond <paramref name="cursor"/>, or after <paramref name="wait"/>.</summary>
    Task<long> WaitBeyondAsync(long cursor, TimeSpan wait);

    /// <summary>Per alert with a webhook, the cursor of the last match delivered to it.</summary>
    Task<IReadOnlyDictionary<string, long>> DeliveredAsync();

    /// <summary>Records durably that an alert's webhook has received its matches up to <paramref name="cursor"/>.</summary>
    Task MarkDeliveredAsync(string alertId, long cursor);

    /// <summary>
    /// Whether <paramref name="holder"/> may deliver webhooks for the next <paramref name="ttl"/>: one delivering process
    /// at a time, so a cluster's silos do not each POST every match.
    /// </summary>
    Task<bool> LeaseDeliveryAsync(string holder, TimeSpan ttl);
}
