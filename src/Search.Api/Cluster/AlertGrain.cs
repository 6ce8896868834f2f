using Orleans.Concurrency;
using Search.Core;
using Search.Core.Alerts;
using Search.Core.Querying.Synonyms;

namespace Search.Api.Cluster;

/// <summary>
/// The cluster's one <see cref="AlertBook"/>, beside the index on the data root every silo reaches
/// (<c>{IndexPath}.alerts</c> unless <c>Search:Alerts:Path</c> says where): when its silo dies, the grain is activated
/// on another silo and opens the same files. Reentrant: a stream's long wait for new matches does not hold up writes,
/// and the book is thread-safe; work that fsyncs runs on the thread pool.
/// </summary>
[Reentrant]
public sealed class AlertGrain(SearchOptions searchOptions, AlertOptions options, SynonymExpander synonyms) : Grain, IAlertGrain, IDisposable
{
    private AlertBook? _book;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new AlertBook(AlertBook.FolderOf(Path.GetFullPath(searchOptions.IndexPath), options), synonyms, searchOptions, options);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _book?.Dispose();
        _book = null;
    }

    private AlertBook Book => _book ?? throw new InvalidOperationException("The alert grain is not active.");

    public Task<SavedAlert> CreateAsync(AlertRequest request) => Task.Run(() => Book.CreateAsync(request));

    public Task<IReadOnlyList<AlertSummary>> ListAsync() => Book.ListAsync();

    public Task<SavedAlert?> FindAsync(string id) => Book.FindAsync(id);

    public Task<bool> DeleteAsync(string id) => Task.Run(() => Book.DeleteAsync(id));

    public Task<AlertMatchPage> ReadAsync(string id, long after, int limit) => Book.ReadAsync(id, after, limit);

    public Task<long> WaitBeyondAsync(long cursor, TimeSpan wait) => Book.WaitBeyondAsync(cursor, wait);

    public Task<IReadOnlyDictionary<string, long>> DeliveredAsync() => Book.DeliveredAsync();

    public Task MarkDeliveredAsync(string alertId, long cursor) => Task.Run(() => Book.MarkDeliveredAsync(alertId, cursor));

    public Task<bool> LeaseDeliveryAsync(string holder, TimeSpan ttl) => Book.LeaseDeliveryAsync(holder, ttl);

    public Task<AlertSet?> AlertsSinceAsync(long? version) => Task.FromResult(Book.AlertsSince(version));

    public Task RecordAsync(IReadOnlyList<AlertHit> hits) => Task.Run(() => Book.Record(hits));

    public Task RecordReplayedAsync(int shard, IReadOnlyList<AlertHit> hits) => Task.Run(() => Book.RecordMissing(shard, hits));
}
