using System.Text.Json;
using Search.Core.Querying;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Alerts;

/// <summary>
/// The saved alerts (<see cref="AlertStore"/>) and their matches (<see cref="AlertMatchLog"/>) in one folder: the
/// one store of alerts, whatever the layout. In one process the <see cref="AlertService"/> holds it; on a cluster
/// the alert grain does, over the data root every silo reaches. Writers (the shards) keep their own compiled copy
/// of the alerts (<see cref="AlertFollower"/>), refreshed when <see cref="Version"/> changes, match each durable
/// write and hand the matches back (<see cref="Record"/>) before the write is acknowledged. Thread-safe.
/// </summary>
public sealed class AlertBook : IAlertBook, IDisposable
{
    private const int MaxNameLength = 200;
    private const int MaxValues = 100;
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly SearchOptions _searchOptions;
    private readonly AlertOptions _options;
    private readonly AlertStore _store;
    private readonly AlertCompiler _checker;
    private readonly System.Threading.Lock _deliveryLock = new();
    private readonly Dictionary<string, long> _delivered;
    private readonly string _deliveredPath;
    private (string Holder, DateTimeOffset Until)? _lease;
    private int _disposed;

    // Compared for equality only; random at open, so a writer that followed an earlier opening (another silo's) resyncs.
    private long _version = Random.Shared.NextInt64();

    /// <param name="folder">Where the alerts and their matches live (<see cref="FolderOf"/>).</param>
    /// <param name="synonyms">The query aliases, as /search expands them (a query that does not parse is refused).</param>
    /// <param name="searchOptions">Query limits.</param>
    /// <param name="options">Alert limits.</param>
    public AlertBook(string folder, SynonymExpander synonyms, SearchOptions searchOptions, AlertOptions options)
    {
        _searchOptions = searchOptions;
        _options = options;
        Folder = folder;
        _store = new AlertStore(folder);
        Matches = new AlertMatchLog(folder);
        Matches.Retain(_store.All().Select(a => a.Id).ToHashSet(StringComparer.Ordinal));
        _checker = new AlertCompiler([], synonyms, searchOptions.MaxPhraseSlop);
        _deliveredPath = Path.Combine(folder, "webhooks.json");
        _delivered = File.Exists(_deliveredPath)
            ? JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(_deliveredPath)) ?? []
            : [];
    }

    /// <summary>The alerts' folder of an index: <see cref="AlertOptions.Path"/>, or beside the index folder.</summary>
    public static string FolderOf(string indexPath, AlertOptions options) =>
        string.IsNullOrWhiteSpace(options.Path)
            ? indexPath.TrimEnd(Path.DirectorySeparatorChar) + ".alerts"
            : Path.GetFullPath(options.Path);

    public string Folder { get; }

    /// <summary>The match log (for readers in this process).</summary>
    public AlertMatchLog Matches { get; }

    /// <summary>Changes whenever an alert is saved or deleted.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Saves several alerts with one fsync (bulk set-up, the bench); all or none.</summary>
    public IReadOnlyList<SavedAlert> CreateAll(IReadOnlyList<AlertRequest> requests)
    {
        var alerts = requests.Select(Validate).ToList();
        if (_store.All().Count + alerts.Count > _options.MaxAlerts)
        {
            throw new SearchRequestException("q", $"At most {_options.MaxAlerts} alerts may be saved.");
        }

        // Compiled before anything is stored: a query that does not parse is refused, not saved.
        alerts.ForEach(alert => _checker.Compile(alert));
        _store.Save(alerts);
        Interlocked.Increment(ref _version);
        return alerts;
    }

    /// <summary>The saved alerts, oldest first.</summary>
    public IReadOnlyList<SavedAlert> List() => _store.All();

    public SavedAlert? Find(string id) => _store.All().FirstOrDefault(a => a.Id == id);

    public bool Delete(string id)
    {
        if (!_store.Delete(id))
        {
            return false;
        }

        Matches.Forget(id);
        Interlocked.Increment(ref _version);
        return true;
    }

    /// <summary>The alerts when <paramref name="version"/> is not the current version; null when it is.</summary>
    public AlertSet? AlertsSince(long? version)
    {
        // The version is read before the list: a save in between shows up again at the next call.
        var current = Version;
        return version == current ? null : new AlertSet(current, _store.All());
    }

    /// <summary>Records matches and returns once they are durable (and readable).</summary>
    public void Record(IReadOnlyList<AlertHit> hits)
    {
        foreach (var hit in hits)
        {
            Matches.Append(hit);
        }

        Matches.WaitDurable();
    }

    /// <summary>
    /// Records the matches of writes a shard replayed from its log at open that are not on file yet: a write made
    /// durable just before a crash may have died before its matches were recorded. Nobody was told it was stored,
    /// but it is in the index now, so its alerts must hear of it. Delivery is at-least-once.
    /// </summary>
    public void RecordMissing(int shard, IReadOnlyList<AlertHit> hits)
    {
        if (hits.Count == 0)
        {
            return;
        }

        var recorded = Matches.RecordedSince(hits.Min(hit => hit.Sequence), shard);
        Record([.. hits
            .Select(hit => hit with { AlertIds = [.. hit.AlertIds.Where(id => !recorded.Contains((id, hit.Sequence)))] })
            .Where(hit => hit.AlertIds.Count > 0)]);
    }

    public Task<SavedAlert> CreateAsync(AlertRequest request) => Task.FromResult(CreateAll([request])[0]);

    public Task<IReadOnlyList<AlertSummary>> ListAsync() => Task.FromResult<IReadOnlyList<AlertSummary>>(
        [.. List().Select(alert =>
        {
            var (count, latest) = Matches.Summarize(alert.Id, 0);
            return new AlertSummary(alert, count, latest);
        })]);

    public Task<SavedAlert?> FindAsync(string id) => Task.FromResult(Find(id));

    public Task<bool> DeleteAsync(string id) => Task.FromResult(Delete(id));

    public Task<AlertMatchPage> ReadAsync(string id, long after, int limit)
    {
        var newest = Matches.LastCursor;
        return Task.FromResult(new AlertMatchPage(Matches.Read(id, after, limit), newest));
    }

    public async Task<long> WaitBeyondAsync(long cursor, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        while (Matches.LastCursor <= cursor && !timeout.IsCancellationRequested)
        {
            // Taken before the check below, so a match made durable in between still wakes us.
            var changed = Matches.WaitForNewAsync(timeout.Token);
            if (Matches.LastCursor > cursor)
            {
                break;
            }

            try
            {
                await changed;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return Matches.LastCursor;
    }

    public Task<IReadOnlyDictionary<string, long>> DeliveredAsync()
    {
        lock (_deliveryLock)
        {
            return Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>(_delivered, StringComparer.Ordinal));
        }
    }

    public Task MarkDeliveredAsync(string alertId, long cursor)
    {
        lock (_deliveryLock)
        {
            _delivered[alertId] = Math.Max(cursor, _delivered.GetValueOrDefault(alertId));
            // To a temporary file, fsynced, then renamed: a crash leaves the old state or the new one.
            var temporary = _deliveredPath + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, _delivered, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, _deliveredPath, overwrite: true);
        }

        return Task.CompletedTask;
    }

    public Task<bool> LeaseDeliveryAsync(string holder, TimeSpan ttl)
    {
        lock (_deliveryLock)
        {
            var now = DateTimeOffset.UtcNow;
            if (_lease is { } lease && lease.Holder != holder && lease.Until > now)
            {
                return Task.FromResult(false);
            }

            _lease = (holder, now + ttl);
            return Task.FromResult(true);
        }
    }

    private SavedAlert Validate(AlertRequest request)
    {
        var query = request.Query?.Trim() ?? "";
        if (query.Length > _searchOptions.MaxQueryLength)
        {
            throw new SearchRequestException("q", $"The query is {query.Length} characters long; the limit is {_searchOptions.MaxQueryLength}.");
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? (query.Length == 0 ? "All articles" : query) : request.Name.Trim();
        if (name.Length > MaxNameLength)
        {
            throw new SearchRequestException("name", $"The name is {name.Length} characters long; the limit is {MaxNameLength}.");
        }

        return new SavedAlert(
            Guid.NewGuid().ToString("N")[..16],
            name,
            query,
            Values("outlet", request.Outlets),
            Values("speaker", request.Speakers),
            Values("source", request.Sources),
            DateTimeOffset.UtcNow,
            WebhookPolicy.Validate(request.Webhook, _options.WebhookHosts));
    }

    private static List<string> Values(string parameter, IReadOnlyList<string>? values)
    {
        var kept = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();
        return kept.Count > MaxValues
            ? throw new SearchRequestException(parameter, $"At most {MaxValues} {parameter} values may be given; got {kept.Count}.")
            : kept;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Matches.Dispose();
        _store.Dispose();
        _checker.Dispose();
    }
}
