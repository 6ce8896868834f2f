using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Alerts;

/// <summary>
/// Saved searches that deliver every new matching article.
/// </summary>
/// <remarks>
/// Matching happens on the write path: once a write is durable in the write-ahead log, <see cref="ArticleIngestor"/>
/// hands it to <see cref="OnDurable"/>, which matches it against every alert (<see cref="AlertMatcher"/>: the
/// article analysed once, pre-filtered by each query's required terms, decided by query plans or a MemoryIndex) and appends the matches, with the write's
/// sequence number, to the match log. Before the client is answered the ingestor calls <see cref="OnBatchDurable"/>,
/// which fsyncs the match log (group commit, so concurrent writers and each bulk batch share one fsync). An acknowledged article's matches are therefore on disk, and survive a restart or kill -9. A write that
/// dies before its acknowledgement may be replayed from the write-ahead log without its matches. Matches become readable only once fsynced, so a client never sees a match that a crash could
/// take back. At start-up the writes replayed from the write-ahead log are matched again and their missing
/// matches recorded (<see cref="MatchReplayedWrites"/>), so such a write is delivered all the same. Left open: a
/// Lucene commit that lands between a write's log fsync and its matching drops the write from the log, so a
/// crash right then loses its matches (the window is the matching of one batch). The saved alerts themselves are an fsynced log compacted by atomic rename (<see cref="AlertStore"/>).
/// </remarks>
public sealed class AlertService : IArticleWriteObserver, IDisposable
{
    private const int MaxNameLength = 200;
    private const int MaxValues = 100;

    private int _disposed;
    private readonly SearchOptions _searchOptions;
    private readonly AlertOptions _options;
    private readonly AlertStore _store;
    private readonly AlertMatchLog _log;
    private readonly AlertCompiler _compiler;
    private readonly AlertMatcher _matcher = new();

    /// <summary>Alerts on one index.</summary>
    public AlertService(ArticleIndex index, SynonymExpander synonyms, SearchOptions searchOptions, AlertOptions options)
        : this([index], index.Path, synonyms, searchOptions, options)
    {
    }

    /// <summary>
    /// Alerts on the shards of an index held in this process: each shard's writes reach the alerts through
    /// <see cref="ForShard"/>, and a match records the shard with the write's sequence number (each shard numbers its own).
    /// </summary>
    /// <param name="shards">The shards, in shard order (one: one index).</param>
    /// <param name="indexPath">The index folder; the alerts live beside it unless <see cref="AlertOptions.Path"/> says where.</param>
    /// <param name="synonyms">The query aliases, as /search expands them.</param>
    /// <param name="searchOptions">Query limits.</param>
    /// <param name="options">Alert limits and where the alerts live.</param>
    public AlertService(IReadOnlyList<ArticleIndex> shards, string indexPath, SynonymExpander synonyms, SearchOptions searchOptions, AlertOptions options)
    {
        _searchOptions = searchOptions;
        _options = options;
        Folder = string.IsNullOrWhiteSpace(options.Path)
            ? indexPath.TrimEnd(System.IO.Path.DirectorySeparatorChar) + ".alerts"
            : System.IO.Path.GetFullPath(options.Path);
        _store = new AlertStore(Folder);
        _log = new AlertMatchLog(Folder);
        _compiler = new AlertCompiler(shards, synonyms, searchOptions.MaxPhraseSlop);
        var saved = _store.All();
        _log.Retain(saved.Select(a => a.Id).ToHashSet(StringComparer.Ordinal));
        _matcher.Add(saved.Select(_compiler.Compile));
        for (var shard = 0; shard < shards.Count; shard++)
        {
            MatchReplayedWrites(shards[shard].ReplayedUpserts, shard);
        }
    }

    /// <summary>Folder of the saved alerts and the match log.</summary>
    public string Folder { get; }

    /// <summary>The match log (for delivery loops that follow it).</summary>
    public AlertMatchLog Matches => _log;

    /// <summary>Validates and saves an alert durably; it matches articles written from now on.</summary>
    public SavedAlert Create(AlertRequest request) => CreateAll([request])[0];

    /// <summary>Saves several alerts with one fsync (bulk set-up, the bench).</summary>
    public IReadOnlyList<SavedAlert> CreateAll(IReadOnlyList<AlertRequest> requests)
    {
        var alerts = requests.Select(Validate).ToList();
        if (_matcher.Count + alerts.Count > _options.MaxAlerts)
        {
            throw new SearchRequestException("q", $"At most {_options.MaxAlerts} alerts may be saved.");
        }

        // Compiled before anything is stored: a query that does not parse is refused, not saved.
        var compiled = alerts.Select(_compiler.Compile).ToList();
        _store.Save(alerts);
        _matcher.Add(compiled);
        return alerts;
    }

    /// <summary>The saved alerts, oldest first.</summary>
    public IReadOnlyList<SavedAlert> List() => _store.All();

    public SavedAlert? Find(string id) => _store.All().FirstOrDefault(a => a.Id == id);

    /// <summary>Deletes an alert and forgets its matches; false when there is none with this id.</summary>
    public bool Delete(string id)
    {
        if (!_store.Delete(id))
        {
            return false;
        }

        _matcher.Remove(id);
        _log.Forget(id);
        return true;
    }

    /// <inheritdoc/>
    public void OnDurable(Article article, IngestOutcome outcome, long sequence) => Record(article, sequence, shard: 0);

    private void Record(Article article, long sequence, int shard) => _log.Append(_matcher.Match(article), article, sequence, shard);

    /// <summary>The observer of shard <paramref name="shard"/>'s writes: its matches record the shard beside the sequence.</summary>
    public IArticleWriteObserver ForShard(int shard) => shard == 0 ? this : new ShardObserver(this, shard);

    private sealed class ShardObserver(AlertService alerts, int shard) : IArticleWriteObserver
    {
        public void OnDurable(Article article, IngestOutcome outcome, long sequence) => alerts.Record(article, sequence, shard);

        public void OnDeleted(string id, long sequence)
        {
        }

        public void OnBatchDurable() => alerts.OnBatchDurable();
    }

    /// <inheritdoc/>
    public void OnDeleted(string id, long sequence)
    {
        // A deleted article's earlier matches stay delivered; there is nothing to match.
    }

    /// <inheritdoc/>
    public void OnBatchDurable() => _log.WaitDurable();

    /// <summary>
    /// Matches the writes the index replayed from its log at open, recording only the matches not on file: a
    /// write made durable just before a crash may have died before its matches were appended or fsynced. Nobody
    /// was told it was stored, but it is in the index now, so its alerts must hear of it. An alert saved after
    /// the write was logged is matched too (the log keeps no write times); delivery is at-least-once anyway.
    /// </summary>
    private void MatchReplayedWrites(IReadOnlyList<WalEntry> replayed, int shard)
    {
        if (replayed.Count == 0 || _matcher.Count == 0)
        {
            return;
        }

        var recorded = _log.RecordedSince(replayed.Min(entry => entry.Seq), shard);
        foreach (var entry in replayed)
        {
            var missing = _matcher.Match(entry.Article!).Where(id => !recorded.Contains((id, entry.Seq))).ToList();
            _log.Append(missing, entry.Article!, entry.Seq, shard);
        }

        _log.WaitDurable();
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
        // Registered as itself and as a write observer, so the host disposes it twice: the second call does nothing.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _log.Dispose();
        _store.Dispose();
        _compiler.Dispose();
        _matcher.Dispose();
    }
}
