using System.Globalization;
using Lucene.Net.Index;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// Orders the writes of an <see cref="ArticleIndex"/> against its <see cref="WriteAheadLog"/> and its Lucene
/// commits: numbers each write, logs it and applies it as one step for its id (so a replay ends where the
/// index did), shares one fsync among every writer waiting at that moment (group commit), and records the
/// last logged sequence number in each commit, whose log entries are then dropped. At open, log entries
/// newer than the last commit are replayed, so a kill -9 at any moment loses nothing acknowledged.
/// </summary>
/// <remarks>
/// Lock order, outermost first; a thread only takes a lock further down this list than those it holds:
/// <list type="number">
/// <item>sync lock (<see cref="WaitDurable"/>, <see cref="Commit"/>): one fsync or commit at a time;</item>
/// <item>id stripe (<see cref="Apply"/>): writes to one id are logged and applied in order;</item>
/// <item>gate: writers share it (read), a commit takes it alone (write), so no write is half done (logged
/// but not yet in the writer) when the commit records the last sequence number;</item>
/// <item>append lock: numbering and appending to the log, syncing and truncating it.</item>
/// </list>
/// </remarks>
internal sealed class WriteLogCoordinator : IDisposable
{
    private const string WalSequenceKey = "wal_seq";

    private readonly IndexWriter _writer;
    private readonly WriteAheadLog? _log;
    private readonly Lock _syncLock = new();
    private readonly object[] _idStripes = [.. Enumerable.Range(0, 64).Select(_ => new object())];
    private readonly ReaderWriterLockSlim _gate = new();
    private readonly Lock _appendLock = new();
    private long _lastWrite;
    private long _lastDurable;
    private long _lastCommitted;
    private bool _writerFailed;
    private readonly List<WalEntry> _replayedUpserts = [];

    /// <param name="writer">The index's writer.</param>
    /// <param name="logPath">The log file; null for one-shot builds, which commit once at the end.</param>
    public WriteLogCoordinator(IndexWriter writer, string? logPath)
    {
        _writer = writer;
        _lastCommitted = ReadCommittedSequence();
        _lastWrite = _lastDurable = _lastCommitted;
        if (logPath is not null)
        {
            _log = new WriteAheadLog(logPath);
            Replay(_log);
        }
    }

    /// <summary>Writes replayed from the log at open (after a crash).</summary>
    public int Replayed { get; private set; }

    /// <summary>
    /// Logged writes that could not be replayed at open for lack of disk space: they stay in the log and the
    /// first commit that finds space applies them.
    /// </summary>
    public int Deferred { get; private set; }

    /// <summary>
    /// The logged upserts newer than the last commit, in log order, whether replayed at open or deferred (all are
    /// acknowledged writes the observers may not have seen).
    /// </summary>
    public IReadOnlyList<WalEntry> ReplayedUpserts => _replayedUpserts;

    /// <summary>Logged writes set aside at open because they could not be replayed, with why.</summary>
    public IReadOnlyList<string> Quarantined => _log?.Problems ?? [];

    /// <summary>
    /// True after the writer failed (a flush on a full disk, most often): Lucene then drops the documents it
    /// had buffered, so the index may lack writes that are in the log. Until <see cref="Commit"/> has
    /// re-applied the log and committed, no commit may record a later sequence number or empty the log.
    /// </summary>
    public bool NeedsRecovery => Volatile.Read(ref _writerFailed);

    /// <summary>Records that the writer failed outside this class (a refresh's flush).</summary>
    public void NoteWriterFailure() => Volatile.Write(ref _writerFailed, true);

    /// <summary>Numbers a write, logs it and applies it to the writer, as one step for its id.</summary>
    public long Apply(string id, Func<long, WalEntry> entry, Action write)
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

                try
                {
                    write();
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException)
                {
                    // The write is logged but the writer may have dropped it and others: recover before the next commit.
                    NoteWriterFailure();
                    throw;
                }

                return sequence;
            }
            finally
            {
                _gate.ExitReadLock();
            }
        }
    }

    /// <summary>Notes a write that bypassed the log (a bulk load): the next <see cref="CommitIfDirty"/> commits it.</summary>
    public void NoteUnloggedWrite()
    {
        lock (_appendLock)
        {
            _lastWrite++;
        }
    }

    /// <summary>
    /// Returns once write <paramref name="sequence"/> (and every write before it) survives a crash. Callers
    /// arriving while a sync runs wait for it, and the next sync covers all of them. Without a log, a commit.
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
    /// A Lucene commit of every write so far, recording the last logged sequence number, then an empty log.
    /// After a writer failure it first re-applies every logged write newer than the last commit (updates and
    /// deletes by id are idempotent), so what the failed flush dropped is back before anything is committed.
    /// If the commit fails, the log is kept whole and the next commit tries again.
    /// </summary>
    public void Commit()
    {
        lock (_syncLock)
        {
            _gate.EnterWriteLock();
            try
            {
                var recovering = NeedsRecovery;
                if (recovering && _log is not null)
                {
                    foreach (var entry in _log.ReadAll().Where(e => e.Seq > _lastCommitted))
                    {
                        try
                        {
                            ApplyLogged(entry);
                        }
                        catch (ArgumentException ex)
                        {
                            // A document Lucene refuses would block every later commit: set it aside.
                            _log.Quarantine(entry, ex.Message);
                        }
                    }
                }

                var sequence = Interlocked.Read(ref _lastWrite);
                _writer.SetCommitData(new Dictionary<string, string>
                {
                    [WalSequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
                });
                try
                {
                    _writer.Commit();
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException)
                {
                    NoteWriterFailure();
                    throw;
                }

                lock (_appendLock)
                {
                    _log?.Truncate();
                }

                Interlocked.Exchange(ref _lastCommitted, sequence);
                Interlocked.Exchange(ref _lastDurable, sequence);
                if (recovering)
                {
                    Volatile.Write(ref _writerFailed, false);
                }
            }
            finally
            {
                _gate.ExitWriteLock();
            }
        }
    }

    /// <summary>Commits when there are writes that no Lucene commit holds yet, or the writer must recover.</summary>
    public bool CommitIfDirty()
    {
        if (Interlocked.Read(ref _lastWrite) == Interlocked.Read(ref _lastCommitted) && !NeedsRecovery)
        {
            return false;
        }

        Commit();
        return true;
    }

    private long ReadCommittedSequence()
    {
        var data = _writer.CommitData;
        return data is not null && data.TryGetValue(WalSequenceKey, out var value)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;
    }

    /// <summary>
    /// Applies the logged writes no commit holds. One that cannot be applied (written by a version without
    /// today's checks, or damaged) is quarantined and reported, never allowed to stop the start. When the
    /// disk is full, the rest wait in the log: the index opens as of its last commit, and the first commit
    /// that finds space re-applies them (<see cref="NeedsRecovery"/>), so the server still starts.
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

            if (NeedsRecovery)
            {
                Deferred++;
                NoteUpsert(entry);
                continue;
            }

            try
            {
                ApplyLogged(entry);
                Replayed++;
                NoteUpsert(entry);
            }
            catch (ArgumentException ex)
            {
                // Lucene refuses a document it cannot index (an immense term) without harming the writer.
                log.Quarantine(entry, ex.Message);
            }
            catch (IOException)
            {
                // A flush on a full disk: Lucene dropped what it had buffered, so every entry waits for recovery.
                NoteWriterFailure();
                Deferred += Replayed + 1;
                Replayed = 0;
                NoteUpsert(entry);
            }
        }
    }

    private void NoteUpsert(WalEntry entry)
    {
        if (entry.Op == WriteAheadLog.Upsert)
        {
            _replayedUpserts.Add(entry);
        }
    }

    /// <summary>Applies one logged write to the writer again; entries that <see cref="ReplayProblem"/> refuses are skipped.</summary>
    private void ApplyLogged(WalEntry entry)
    {
        if (ReplayProblem(entry) is not null)
        {
            return;
        }

        if (entry.Op == WriteAheadLog.Upsert)
        {
            _writer.UpdateDocument(new Term(ArticleFields.Id, entry.Article!.Id), ArticleDocumentMapper.ToDocument(entry.Article));
        }
        else
        {
            _writer.DeleteDocuments(new Term(ArticleFields.Id, entry.Id));
        }
    }

    private static string? ReplayProblem(WalEntry entry) => entry switch
    {
        { Op: WriteAheadLog.Upsert, Article: null } => "an upsert without its article",
        // Written by hand or by an older version: JSON null where the record promises a value.
        { Op: WriteAheadLog.Upsert, Article: { } article } when article.Id is null || article.Body is null || article.Speakers is null
            || article.Sources is null || article.Quotes is null || article.Speakers.Any(s => s is null) || article.Sources.Any(s => s is null)
            || article.Authors is null || article.Authors.Any(s => s is null) =>
            "an article with a missing field",
        { Op: WriteAheadLog.Upsert, Article: { } article } when ArticleIds.Validate(article.Id) is { } problem => problem,
        { Op: WriteAheadLog.Upsert, Article: { } article } when ArticleDocumentMapper.FindOversizedValue(article) is { } oversized =>
            $"its {oversized.Field} is {oversized.Bytes} bytes, over Lucene's term limit",
        { Op: WriteAheadLog.Delete, Id: null } => "a delete without its id",
        { Op: WriteAheadLog.Upsert or WriteAheadLog.Delete } => null,
        _ => $"unknown operation '{entry.Op}'",
    };

    /// <summary>A clean shutdown commits, so nothing is left to replay.</summary>
    public void Dispose()
    {
        if (_log is not null)
        {
            Commit();
            _log.Dispose();
        }

        _gate.Dispose();
    }
}
