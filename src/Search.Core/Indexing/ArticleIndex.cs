using System.Collections.Concurrent;
using System.Globalization;
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
/// Durability: a write is numbered, logged and applied to the writer as one step for its id (so a
/// replay ends where the index did), while writes to different ids run concurrently; <see cref="WaitDurable"/> fsyncs the log, shared by every writer waiting
/// at that moment (group commit). <see cref="Commit"/> makes a Lucene commit that records the last
/// logged sequence number and empties the log; it runs in the background every few seconds. At open,
/// log entries newer than the last commit are replayed, so a kill -9 at any moment loses nothing
/// that was acknowledged.
/// </remarks>
public sealed class ArticleIndex : IDisposable
{
    private const string WalSequenceKey = "wal_seq";
    private const int MaxRecent = 50_000;

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SnapshotDeletionPolicy _snapshots;
    private readonly WriteAheadLog? _log;
    private readonly System.Threading.Lock _appendLock = new();
    private readonly System.Threading.Lock _syncLock = new();

    // Writers share the gate; a commit takes it alone, so no write is half done (logged but not yet in
    // the writer) when the commit records the last logged sequence number.
    private readonly ReaderWriterLockSlim _gate = new();

    // Writes to one id are logged and applied in the same order (a replay must end where the index did);
    // writes to different ids go through IndexWriter concurrently.
    private readonly object[] _idStripes = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();

    // Ids written since the searcher last caught up: whether each exists now. Lets a write say
    // "created" or "updated" without forcing a reopen; trimmed when it grows (see Remember).
    private readonly ConcurrentDictionary<string, bool> _recent = new(StringComparer.Ordinal);

    // Ids bulk-loaded since open, while only AddAll has written to an index that was empty when opened: an id
    // not in it cannot be in the index, so AddAll may add it without a delete-term lookup. Null (unknown) once
    // the index was opened with documents or Upsert/Delete wrote to it, so a long-running server keeps no such set.
    private readonly System.Threading.Lock _writtenIdsLock = new();
    private HashSet<string>? _writtenIds;

    private (object Reader, SpeakerNameResolver Resolver)? _speakerNames;
    private long _lastWrite;
    private long _lastDurable;
    private long _lastCommitted;

    /// <param name="indexPath">Index folder; created when missing.</param>
    /// <param name="writeAheadLog">
    /// Keep a write-ahead log beside the index (<c>{indexPath}.wal</c>). Off for one-shot builds, which
    /// commit once at the end and are thrown away if they fail.
    /// </param>
    public ArticleIndex(string indexPath, bool writeAheadLog = true)
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

        _lastCommitted = ReadCommittedSequence();
        _lastWrite = _lastDurable = _lastCommitted;
        if (writeAheadLog)
        {
            _log = new WriteAheadLog(Path.TrimEnd(System.IO.Path.DirectorySeparatorChar) + ".wal");
            Replay(_log);
        }

        // MaxDoc counts buffered documents too, so a replay onto an empty folder counts.
        if (_writer.MaxDoc == 0)
        {
            _writtenIds = new HashSet<string>(StringComparer.Ordinal);
        }

        // A brand-new folder gets a valid (empty) commit so readers can open it; a replay is made permanent.
        Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory());
    }

    /// <summary>Full path of the index folder.</summary>
    public string Path { get; }

    /// <summary>Writes replayed from the log when the index was opened (after a crash).</summary>
    public int Replayed { get; private set; }

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
    /// Adds or replaces the article with the same id. Visible after the next refresh; durable after
    /// <see cref="WaitDurable"/> with the returned sequence number.
    /// </summary>
    public long Upsert(Article article)
    {
        var document = ArticleDocumentMapper.ToDocument(article);
        ForgetWrittenIds();
        var sequence = Apply(article.Id, seq => new WalEntry(seq, WriteAheadLog.Upsert, article, null),
            () => _writer.UpdateDocument(new Term(ArticleFields.Id, article.Id), document));
        Remember(article.Id, exists: true);
        return sequence;
    }

    /// <summary>Removes the article with this id, if any. Returns the write's sequence number.</summary>
    public long Delete(string id)
    {
        ForgetWrittenIds();
        var sequence = Apply(id, seq => new WalEntry(seq, WriteAheadLog.Delete, null, id),
            () => _writer.DeleteDocuments(new Term(ArticleFields.Id, id)));
        Remember(id, exists: false);
        return sequence;
    }

    /// <summary>
    /// Bulk load: the same end state as <see cref="Upsert"/> of each article in order (a repeated id keeps its
    /// last version). Built for fresh builds (the indexer, a server's first start): documents are made and
    /// inverted on <paramref name="threads"/> threads at once (IndexWriter is thread-safe), an id this index
    /// cannot hold yet (it was empty when opened and only bulk loads have written to it, none with this id) is
    /// added without the delete-term lookup of an update, and nothing is written to the write-ahead log.
    /// Visible after the next refresh and durable after the next <see cref="Commit"/> (a crash before it loses
    /// the batch, which nobody was told is durable). Returns the number of distinct ids written.
    /// </summary>
    public int AddAll(IReadOnlyList<Article> articles, int threads, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return 0;
        }

        // Last occurrence of each id wins, as with sequential upserts.
        var last = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            last[articles[i].Id] = i;
        }

        var isNew = new bool[articles.Count];
        foreach (var (id, i) in last)
        {
            isNew[i] = NoteWritten(id);
        }

        threads = Math.Max(1, threads);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        // Contiguous ranges keep each thread's segments in input order, as one thread would write them.
        var ranges = System.Collections.Concurrent.Partitioner.Create(0, articles.Count, Math.Max(1, articles.Count / (threads * 8)));
        Parallel.ForEach(ranges, options, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var article = articles[i];
                if (last[article.Id] != i)
                {
                    continue;
                }

                var document = ArticleDocumentMapper.ToDocument(article);
                if (isNew[i])
                {
                    _writer.AddDocument(document);
                }
                else
                {
                    _writer.UpdateDocument(new Term(ArticleFields.Id, article.Id), document);
                }
            }
        });

        // A write no commit holds yet: CommitIfDirty (and so the server's background commit) sees it.
        lock (_appendLock)
        {
            _lastWrite++;
        }

        foreach (var id in last.Keys)
        {
            _recent.TryUpdate(id, true, false);
        }

        return last.Count;
    }

    /// <summary>
    /// Records that <paramref name="id"/> is being bulk-loaded; true when this index cannot hold it yet (it was
    /// empty when opened and only bulk loads have written to it, none with this id), so it may be added without a delete.
    /// </summary>
    private bool NoteWritten(string id)
    {
        lock (_writtenIdsLock)
        {
            return _writtenIds?.Add(id) ?? false;
        }
    }

    /// <summary>A single write makes the bulk-load id set incomplete: from now on every bulk write is an update.</summary>
    private void ForgetWrittenIds()
    {
        if (_writtenIds is not null)
        {
            lock (_writtenIdsLock)
            {
                _writtenIds = null;
            }
        }
    }

    /// <summary>Numbers a write, logs it and applies it to the writer, as one step for its id.</summary>
    private long Apply(string id, Func<long, WalEntry> entry, Action write)
    {
        lock (_idStripes[(int)((uint)StringComparer.Ordinal.GetHashCode(id) % (uint)_idStripes.Length)])
        {
            _gate.EnterReadLock();
            try
            {
                long sequence;
                lock (_appendLock)
                {
                    sequence = ++_lastWrite;
                    _log?.Append(entry(sequence));
                }

                write();
                return sequence;
            }
            finally
            {
                _gate.ExitReadLock();
            }
        }
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

    /// <summary>
    /// Returns once write <paramref name="sequence"/> (and every write before it) survives a crash.
    /// Callers arriving while a sync runs wait for it, and the next sync covers all of them.
    /// Without a log, this is a Lucene commit.
    /// </summary>
    public void WaitDurable(long sequence)
    {
        if (Interlocked.Read(ref _lastDurable) >= sequence)
        {
            return;
        }

        if (_log is null)
        {
            Commit();
            return;
        }

        lock (_syncLock)
        {
            if (Interlocked.Read(ref _lastDurable) >= sequence)
            {
                return;
            }

            long covered;
            lock (_appendLock)
            {
                covered = _lastWrite;
                _log.Sync();
            }

            Interlocked.Exchange(ref _lastDurable, covered);
        }
    }

    /// <summary>
    /// A Lucene commit of every write so far, recording the last logged sequence number, then an empty
    /// log. Blocks writers for its duration; the server calls it every few seconds off the request path.
    /// </summary>
    public void Commit()
    {
        lock (_syncLock)
        {
            _gate.EnterWriteLock();
            try
            {
                var sequence = Interlocked.Read(ref _lastWrite);
                _writer.SetCommitData(new Dictionary<string, string>
                {
                    [WalSequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
                });
                _writer.Commit();
                lock (_appendLock)
                {
                    _log?.Truncate();
                }

                Interlocked.Exchange(ref _lastCommitted, sequence);
                Interlocked.Exchange(ref _lastDurable, sequence);
            }
            finally
            {
                _gate.ExitWriteLock();
            }
        }
    }

    /// <summary>Commits when the log holds writes that no Lucene commit has yet.</summary>
    public bool CommitIfDirty()
    {
        if (Interlocked.Read(ref _lastWrite) == Interlocked.Read(ref _lastCommitted))
        {
            return false;
        }

        Commit();
        return true;
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

    /// <summary>
    /// Blocks until the background merges the writer has started are done. A bulk load is not finished at
    /// <see cref="Commit"/>: merges keep running and compete with searches for CPU until they end.
    /// </summary>
    public void WaitForMerges() => _writer.WaitForMerges();

    /// <summary>Makes recent writes visible to new searchers, blocking until done.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Makes recent writes visible if no other refresh is under way.</summary>
    public bool MaybeRefresh() => _searchers.MaybeRefresh();

    /// <summary>Borrows the current searcher; dispose the lease to return it.</summary>
    public SearcherLease AcquireSearcher() => new(_searchers);

    /// <summary>
    /// Every speaker name in the index with its article count, as a resolver that widens a bare surname
    /// to the index's dominant full name ("Putin" → "Vladimir Putin"), so live writes name people as the
    /// batch indexer does. Cached per searcher generation; counts include deleted articles until merged.
    /// </summary>
    public SpeakerNameResolver SpeakerNames()
    {
        using var lease = AcquireSearcher();
        var reader = lease.Searcher.IndexReader;
        var cached = _speakerNames;
        if (cached is not null && ReferenceEquals(cached.Value.Reader, reader.CoreCacheKey))
        {
            return cached.Value.Resolver;
        }

        var resolver = new SpeakerNameResolver();
        var terms = MultiFields.GetTerms(reader, ArticleFields.SpeakerKey);
        if (terms is not null)
        {
            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                resolver.Observe(Enumerable.Repeat(iterator.Term.Utf8ToString(), iterator.DocFreq));
            }
        }

        _speakerNames = (reader.CoreCacheKey, resolver);
        return resolver;
    }

    /// <summary>Number of live articles visible to searches.</summary>
    public int Count
    {
        get
        {
            using var lease = AcquireSearcher();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    private long ReadCommittedSequence()
    {
        var data = _writer.CommitData;
        return data is not null && data.TryGetValue(WalSequenceKey, out var value)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;
    }

    /// <summary>
    /// Applies the logged writes no commit holds. One that cannot be applied (written by a version without
    /// today's checks, or damaged) is quarantined and reported, never allowed to stop the start.
    /// </summary>
    private void Replay(WriteAheadLog log)
    {
        foreach (var entry in log.ReadAll().Where(e => e.Seq > _lastCommitted))
        {
            _lastWrite = Math.Max(_lastWrite, entry.Seq);
            if (ReplayProblem(entry) is { } problem)
            {
                log.Quarantine(entry, problem);
                continue;
            }

            try
            {
                if (entry.Op == WriteAheadLog.Upsert)
                {
                    _writer.UpdateDocument(new Term(ArticleFields.Id, entry.Article!.Id), ArticleDocumentMapper.ToDocument(entry.Article));
                }
                else
                {
                    _writer.DeleteDocuments(new Term(ArticleFields.Id, entry.Id));
                }
            }
            catch (ArgumentException ex)
            {
                // Lucene refuses a document it cannot index (an immense term) without harming the writer.
                log.Quarantine(entry, ex.Message);
                continue;
            }

            Replayed++;
        }
    }

    private static string? ReplayProblem(WalEntry entry) => entry switch
    {
        { Op: WriteAheadLog.Upsert, Article: null } => "an upsert without its article",
        // Written by hand or by an older version: JSON null where the record promises a value.
        { Op: WriteAheadLog.Upsert, Article: { } article } when article.Id is null || article.Body is null || article.Speakers is null
            || article.Sources is null || article.Quotes is null || article.Speakers.Any(s => s is null) || article.Sources.Any(s => s is null) =>
            "an article with a missing field",
        { Op: WriteAheadLog.Upsert, Article: { } article } when ArticleIds.Validate(article.Id) is { } problem => problem,
        { Op: WriteAheadLog.Upsert, Article: { } article } when ArticleDocumentMapper.FindOversizedValue(article) is { } oversized =>
            $"its {oversized.Field} is {oversized.Bytes} bytes, over Lucene's term limit",
        { Op: WriteAheadLog.Delete, Id: null } => "a delete without its id",
        { Op: WriteAheadLog.Upsert or WriteAheadLog.Delete } => null,
        _ => $"unknown operation '{entry.Op}'",
    };

    /// <summary>Logged writes set aside at open because they could not be replayed, with why (for the start-up log).</summary>
    public IReadOnlyList<string> Quarantined => _log?.Problems ?? [];

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

    public void Dispose()
    {
        _searchers.Dispose();
        if (_log is not null)
        {
            // A clean shutdown leaves nothing to replay.
            Commit();
            _log.Dispose();
        }

        _writer.Dispose();
        _directory.Dispose();
        _gate.Dispose();
    }
}
