using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// The one owner of an on-disk index: its <see cref="FSDirectory"/>, the single <see cref="IndexWriter"/>
/// (Lucene allows one per index; a second process gets <see cref="IndexLockedException"/>) and the
/// <see cref="SearcherManager"/> that shares near-real-time searchers across requests.
/// Writes are acknowledged only after <see cref="Commit"/>.
/// </summary>
public sealed class ArticleIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _commitLock = new();
    private readonly SnapshotDeletionPolicy _snapshots;

    // Ids written since the searcher last caught up: whether each exists now. Lets a write say
    // "created" or "updated" without forcing a reopen; trimmed when it grows (see Remember).
    private readonly ConcurrentDictionary<string, bool> _recent = new(StringComparer.Ordinal);
    private const int MaxRecent = 50_000;

    // Group commit: every write takes a sequence number; a commit covers every write numbered before it.
    private long _lastWrite;
    private long _lastCommitted;

    public ArticleIndex(string indexPath)
    {
        Path = System.IO.Path.GetFullPath(indexPath);
        System.IO.Directory.CreateDirectory(Path);
        _directory = FSDirectory.Open(Path);
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

        // Make sure a brand-new folder holds a valid (empty) commit, so readers can open it.
        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory());
    }

    /// <summary>Full path of the index folder.</summary>
    public string Path { get; }

    /// <summary>
    /// Writer settings shared by every writer of an index: BM25 (norms must match the searcher's similarity),
    /// the per-field analyzer, and a 64 MB RAM buffer (Lucene's 16 MB default flushes tiny segments during
    /// bulk loads; 64 MB halves merge work at a cost of that much heap while indexing).
    /// </summary>
    public static IndexWriterConfig CreateWriterConfig(OpenMode mode) =>
        new(LuceneSettings.Version, new ArticleAnalyzer())
        {
            OpenMode = mode,
            Similarity = BM25SearcherFactory.CreateSimilarity(),
            RAMBufferSizeMB = 64,
        };

    /// <summary>
    /// Adds or replaces the article with the same id (not visible until refresh, not durable until
    /// <see cref="CommitUpTo"/>). Returns the write's sequence number.
    /// </summary>
    public long Upsert(Article article)
    {
        _writer.UpdateDocument(new Term(ArticleFields.Id, article.Id), ArticleDocumentMapper.ToDocument(article));
        Remember(article.Id, exists: true);
        return Interlocked.Increment(ref _lastWrite);
    }

    /// <summary>Removes the article with this id, if any. Returns the write's sequence number.</summary>
    public long Delete(string id)
    {
        _writer.DeleteDocuments(new Term(ArticleFields.Id, id));
        Remember(id, exists: false);
        return Interlocked.Increment(ref _lastWrite);
    }

    /// <summary>True when an article with this id exists, counting writes not yet visible to searches.</summary>
    public bool Contains(string id)
    {
        if (_recent.TryGetValue(id, out var exists))
        {
            return exists;
        }

        using var lease = AcquireSearcher();
        return lease.Searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1).TotalHits > 0;
    }

    /// <summary>Makes every write so far durable.</summary>
    public void Commit() => CommitUpTo(Interlocked.Read(ref _lastWrite));

    /// <summary>
    /// Makes write <paramref name="sequence"/> (and all before it) durable. Group commit: callers that
    /// arrive while another commit runs wait for it, and one fsync then covers all of their writes.
    /// </summary>
    public void CommitUpTo(long sequence)
    {
        if (Interlocked.Read(ref _lastCommitted) >= sequence && sequence > 0)
        {
            return;
        }

        lock (_commitLock)
        {
            if (Interlocked.Read(ref _lastCommitted) >= sequence && sequence > 0)
            {
                return;
            }

            var covered = Interlocked.Read(ref _lastWrite);
            _writer.Commit();
            Interlocked.Exchange(ref _lastCommitted, covered);
        }
    }

    /// <summary>
    /// Copies the last commit's files into <paramref name="targetFolder"/> while writes go on: the
    /// snapshot keeps the writer from deleting those files until the copy is done.
    /// </summary>
    public int Backup(string targetFolder, CancellationToken cancellationToken)
    {
        Commit();
        var commit = _snapshots.Snapshot();
        try
        {
            System.IO.Directory.CreateDirectory(targetFolder);
            if (System.IO.Directory.EnumerateFileSystemEntries(targetFolder).Any())
            {
                throw new IOException($"Backup folder '{targetFolder}' is not empty.");
            }

            var files = commit.FileNames;
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                File.Copy(System.IO.Path.Combine(Path, file), System.IO.Path.Combine(targetFolder, file));
            }

            return files.Count;
        }
        finally
        {
            _snapshots.Release(commit);
            _writer.DeleteUnusedFiles();
        }
    }

    private void Remember(string id, bool exists)
    {
        if (_recent.Count >= MaxRecent)
        {
            // Make everything written so far visible, then forget it: searches know it now.
            _searchers.MaybeRefreshBlocking();
            _recent.Clear();
        }

        _recent[id] = exists;
    }

    /// <summary>Makes recent writes visible to new searchers, blocking until done.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Makes recent writes visible if no other refresh is under way.</summary>
    public bool MaybeRefresh() => _searchers.MaybeRefresh();

    /// <summary>Borrows the current searcher; dispose the lease to return it.</summary>
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

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }
}
