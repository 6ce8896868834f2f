using Search.Core.Alerts;

namespace Search.Api.Cluster;

/// <summary>
/// The alert book of a cluster as one grain (key 0): the saved alerts and their match log, which the API of every
/// silo reads and changes (<see cref="IAlertBook"/>), plus what the shard grains call. A shard grain matches its
/// writes on its own silo against its copy of the alerts (<see cref="AlertsSinceAsync"/>) and records the matches
/// here before it acknowledges the writes.
/// </summary>
public interface IAlertGrain : IAlertBook, IGrainWithIntegerKey
{
    /// <summary>The saved alerts, unless <paramref name="version"/> is the current version (then null).</summary>
    Task<AlertSet?> AlertsSinceAsync(long? version);

    /// <summary>Records matches of durable writes; completes once they are durable.</summary>
    Task RecordAsync(IReadOnlyList<AlertHit> hits);

    /// <summary>Records the matches of a shard's replayed writes that are not on file yet.</summary>
    Task RecordReplayedAsync(int shard, IReadOnlyList<AlertHit> hits);
}
