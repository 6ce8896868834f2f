using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// The one owner of an on-disk index: its <see cref="FSDirectory"/>, the single <see cref="IndexWriter"/>
/// (Lucene allows one per index; a second process gets <see cref="IndexLockedException"/>), the
/// <see cref="SearcherManager"/> that shares near-real-time searchers across requests, and the
/// <see cref="WriteAheadLog"/> that makes each write durable before it is acknowledged.
/// </summary>
/// <remarks>
/// Durability (sequence numbers, group commit, replay and their lock order) is <see cref="WriteLogCoordinator"/>'s;
/// backups are <see cref="IndexBackup"/>'s; whether a write created or updated an article is the
/// <see cref="ArticleIngestor"/>'s. Each reader's derived state is built by
/// <see cref="Readers.ReaderContextFactory"/> when a refresh opens it.
/// </remarks>
public sealed partial class ArticleIndex : IDisposable
{
    private readonly Storage.MappedDirectory _directory;
    private readonly Storage.DeletedFileReclaimer _reclaimer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SnapshotDeletionPolicy _snapshots;
    private readonly WriteLogCoordinator _writes;

    /// <param name="indexPath">Index folder; created when missing.</param>
    /// <param name="writeAheadLog">
    /// Keep a write-ahead log beside the index (<c>{indexPath}.wal</c>). Off for one-shot builds, which
    /// commit once at the end and are thrown away if they fail.
    /// </param>
    public ArticleIndex(string indexPath, bool writeAheadLog = true)
    {
        Path = System.IO.Path.GetFullPath(indexPath);
        System.IO.Directory.CreateDirectory(Path);
        _directory = new Storage.MappedDirectory(new DirectoryInfo(Path));
        _reclaimer = new Storage.DeletedFileReclaimer(_directory);
        try
        {
            var config = CreateWriterConfig(OpenMode.CREATE_OR_APPEND);
            // Snapshots pin a commit's files while a backup copies them.
            _snapshots = new SnapshotDeletionPolicy(config.IndexDeletionPolicy);
            config.IndexDeletionPolicy = _snapshots;
            _writer = new IndexWriter(_directory, config);
        }
        catch (LockObtainFailedException ex)
        {
            _directory.Dispose();
            throw new IndexLockedException(Path, ex);
        }

        _writes = new WriteLogCoordinator(_writer, writeAheadLog ? Path.TrimEnd(System.IO.Path.DirectorySeparatorChar) + ".wal" : null);

        // MaxDoc counts buffered documents too, so a replay onto an empty folder counts.
        if (_writer.MaxDoc == 0)
        {
            _writtenIds = new HashSet<string>(StringComparer.Ordinal);
        }

        // A brand-new folder gets a valid (empty) commit so readers can open it; a replay is made permanent.
        try
        {
            Commit();
        }
        catch (IOException) when (NeedsRecovery)
        {
            // A full disk: the index serves its last commit, and the background commit applies the log once
            // there is space (the start-up log says how many writes wait).
        }
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Readers.ReaderContextFactory());
        _searchers.AddListener(LiveVersions);
    }

    /// <summary>Full path of the index folder.</summary>
    public string Path { get; }

    /// <summary>Writes replayed from the log when the index was opened (after a crash).</summary>
    public int Replayed => _writes.Replayed;

    /// <summary>Logged writes left to apply when the disk has space again (the disk was full at open).</summary>
    public int Deferred => _writes.Deferred;

    /// <summary>
    /// The upserts replayed from the log at open, in order: writes made durable before a crash that the write
    /// observers (alerts) may not have seen. Kept for the life of the index; as small as the log was.
    /// </summary>
    public IReadOnlyList<WalEntry> ReplayedUpserts => _writes.ReplayedUpserts;

    /// <summary>Logged writes set aside at open because they could not be replayed, with why (for the start-up log).</summary>
    public IReadOnlyList<string> Quarantined => _writes.Quarantined;

    /// <summary>Latest versions of the articles written since the last refresh (real-time GET by id).</summary>
    public LiveVersionMap LiveVersions { get; } = new();

    /// <summary>
    /// Writer settings shared by every writer of an index: BM25 (norms must match the searcher's similarity),
    /// the per-field analyzer, and a 64 MB RAM buffer (Lucene's 16 MB default flushes tiny segments during
    /// bulk loads; 64 MB halves merge work at a cost of that much heap while indexing).
    /// </summary>
    public static IndexWriterConfig CreateWriterConfig(OpenMode mode) =>
        new(LuceneSettings.Version, new ArticleAnalyzer())
        {
            OpenMode = mode,
            Similarity = LuceneSettings.CreateSimilarity(),
            RAMBufferSizeMB = 64,
            // A merge that fails (disk full) must not kill the process; it is retried later.
            MergeScheduler = new TolerantMergeScheduler(),
        };

    /// <summary>
    /// Adds or replaces the article with the same id. Visible after the next refresh; durable after
    /// <see cref="WaitDurable"/> with the returned sequence number.
    /// </summary>
    public long Upsert(Article article)
    {
        var document = ArticleDocumentMapper.ToDocument(article);
        ForgetWrittenIds();
        return _writes.Apply(article.Id, seq => new WalEntry(seq, WriteAheadLog.Upsert, article, null), () =>
        {
            _writer.UpdateDocument(new Term(ArticleFields.Id, article.Id), document);
            LiveVersions.Put(article.Id, article);
        });
    }

    /// <summary>Removes the article with this id, if any. Returns the write's sequence number.</summary>
    public long Delete(string id)
    {
        ForgetWrittenIds();
        return _writes.Apply(id, seq => new WalEntry(seq, WriteAheadLog.Delete, null, id), () =>
        {
            _writer.DeleteDocuments(new Term(ArticleFields.Id, id));
            LiveVersions.Put(id, null);
        });
    }

    /// <summary>
    /// Returns once write <paramref name="sequence"/> (and every write before it) survives a crash; concurrent
    /// callers share one fsync. Without a log, this is a Lucene commit.
    /// </summary>
    public void WaitDurable(long sequence) => _writes.WaitDurable(sequence);

    /// <summary>
    /// A Lucene commit of every write so far, then an empty log. Blocks writers for its duration; the server
    /// calls it every few seconds off the request path.
    /// </summary>
    public void Commit() => _writes.Commit();

    /// <summary>Commits when there are writes that no Lucene commit holds yet.</summary>
    public bool CommitIfDirty()
    {
        if (NeedsRecovery)
        {
            // The writer failed, most likely on a full disk: free the space merged-away files still hold first.
            _reclaimer.MaybeReclaim(urgent: true);
        }

        return _writes.CommitIfDirty();
    }

    /// <summary>
    /// Copies the last commit's files into <paramref name="targetFolder"/> while writes go on: the
    /// snapshot keeps the writer from deleting those files until the copy is done.
    /// </summary>
    public int Backup(string targetFolder, CancellationToken cancellationToken)
    {
        Commit();
        return IndexBackup.CopyLastCommit(_snapshots, _writer, Path, targetFolder, cancellationToken);
    }

    /// <summary>
    /// Blocks until the background merges the writer has started are done. A bulk load is not finished at
    /// <see cref="Commit"/>: merges keep running and compete with searches for CPU until they end.
    /// </summary>
    public void WaitForMerges() => _writer.WaitForMerges();

    /// <summary>Makes recent writes visible to new searchers, blocking until done.</summary>
    public void Refresh() => NotingFailure(() => _searchers.MaybeRefreshBlocking());

    /// <summary>Makes recent writes visible if no other refresh is under way.</summary>
    public bool MaybeRefresh()
    {
        var refreshed = false;
        NotingFailure(() => refreshed = _searchers.MaybeRefresh());
        // A refresh lets go of the readers of merged-away segments: their deleted files can be unmapped now.
        _reclaimer.MaybeReclaim(urgent: NeedsRecovery);
        return refreshed;
    }

    /// <summary>True after a writer failure until a commit has re-applied the log (see <see cref="WriteLogCoordinator.NeedsRecovery"/>).</summary>
    public bool NeedsRecovery => _writes.NeedsRecovery;

    /// <summary>A refresh flushes the writer's buffer; if that fails, buffered writes may be gone and the log must be re-applied.</summary>
    private void NotingFailure(Action refresh)
    {
        try
        {
            refresh();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            _writes.NoteWriterFailure();
            throw;
        }
    }

    private int _disposed;

    /// <summary>Borrows the current searcher and its reader's context; dispose the lease to return it.</summary>
    public SearcherLease AcquireSearcher() => new(_searchers);

    /// <summary>Number of live articles visible to searches.</summary>
    public int Count
    {
        get
        {
            using var lease = AcquireSearcher();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    /// <summary>Closes the index once: a second call (an owner and a container both holding it) does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _searchers.Dispose();
        _writes.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }
}
