using System.Globalization;
using Lucene.Net.Index;

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
internal sealed partial class WriteLogCoordinator : IDisposable
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
