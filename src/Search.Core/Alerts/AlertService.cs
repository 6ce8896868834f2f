using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Alerts;

/// <summary>
/// Saved searches that deliver every new matching article, on the shards of an index held in this process (one:
/// one index): the <see cref="AlertBook"/> and the shards' compiled copy of its alerts (<see cref="AlertFollower"/>).
/// </summary>
/// <remarks>
/// Matching happens on the write path: once a write is durable in the write-ahead log, <see cref="ArticleIngestor"/>
/// hands it to <see cref="OnDurable"/>, which matches it against every alert (<see cref="AlertMatcher"/>: the
/// article analysed once, pre-filtered by each query's required terms, decided by query plans or a MemoryIndex) and appends the matches, with the write's
/// sequence number, to the match log. Before the client is answered the ingestor calls <see cref="OnBatchDurable"/>,
/// which fsyncs the match log (group commit, so concurrent writers and each bulk batch share one fsync). An acknowledged article's matches are therefore on disk, and survive a restart or kill -9. A write that
/// dies before its acknowledgement may be replayed from the write-ahead log without its matches. Matches become readable only once fsynced, so a client never sees a match that a crash could
/// take back. At start-up the writes replayed from the write-ahead log are matched again and their missing
/// matches recorded (<see cref="AlertBook.RecordMissing"/>), so such a write is delivered all the same. Left open: a
/// Lucene commit that lands between a write's log fsync and its matching drops the write from the log, so a
/// crash right then loses its matches (the window is the matching of one batch). The saved alerts themselves are an fsynced log compacted by atomic rename (<see cref="AlertStore"/>).
/// On a cluster the same parts are split: the alert grain holds the book, each shard grain a follower.
/// </remarks>
public sealed class AlertService : IArticleWriteObserver, IDisposable
{
    private readonly AlertFollower _follower;
    private int _disposed;

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
        Book = new AlertBook(AlertBook.FolderOf(indexPath, options), synonyms, searchOptions, options);
        _follower = new AlertFollower(shards, synonyms, searchOptions.MaxPhraseSlop);
        _follower.Update(Book.AlertsSince(null));
        for (var shard = 0; shard < shards.Count; shard++)
        {
            Book.RecordMissing(shard, _follower.MatchReplayed(shards[shard].ReplayedUpserts, shard));
        }
    }

    /// <summary>The saved alerts and their matches.</summary>
    public AlertBook Book { get; }

    /// <summary>Folder of the saved alerts and the match log.</summary>
    public string Folder => Book.Folder;

    /// <summary>The match log (for readers that follow it).</summary>
    public AlertMatchLog Matches => Book.Matches;

    /// <summary>Validates and saves an alert durably; it matches articles written from now on.</summary>
    public SavedAlert Create(AlertRequest request) => CreateAll([request])[0];

    /// <summary>Saves several alerts with one fsync (bulk set-up, the bench).</summary>
    public IReadOnlyList<SavedAlert> CreateAll(IReadOnlyList<AlertRequest> requests) => Book.CreateAll(requests);

    /// <summary>The saved alerts, oldest first.</summary>
    public IReadOnlyList<SavedAlert> List() => Book.List();

    /// <summary>Deletes an alert and forgets its matches; false when there is none with this id.</summary>
    public bool Delete(string id) => Book.Delete(id);

    /// <inheritdoc/>
    public void OnDurable(Article article, IngestOutcome outcome, long sequence) => Record(article, sequence, shard: 0);

    private void Record(Article article, long sequence, int shard)
    {
        // A cheap comparison per write; the alerts are compiled again only after a save or a delete.
        if (_follower.Version != Book.Version)
        {
            _follower.Update(Book.AlertsSince(_follower.Version));
        }

        Book.Matches.Append(AlertHit.Of(_follower.Match(article), article, sequence, shard));
    }

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
    public void OnBatchDurable() => Book.Matches.WaitDurable();

    public void Dispose()
    {
        // Registered as itself and as a write observer, so the host disposes it twice: the second call does nothing.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Book.Dispose();
        _follower.Dispose();
    }
}
