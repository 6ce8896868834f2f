using System.Text;
using System.Text.Json;

namespace Search.Core.Alerts;

/// <summary>
/// Every match of every alert, in order: an append-only file (<c>matches.jsonl</c>, one JSON line per match)
/// and, per alert, the same matches in memory. A match is appended when its article is staged and becomes
/// readable (<see cref="Read"/>, <see cref="WaitForNewAsync"/>) only once <see cref="WaitDurable"/> has fsynced
/// it, which the write path does before it acknowledges the article; so nothing a client was shown or told is
/// lost on kill -9, and an acknowledged article's matches are on disk. Concurrent writers share fsyncs
/// (group commit). Thread-safe.
/// </summary>
public sealed class AlertMatchLog : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly System.Threading.Lock _appendLock = new();
    private readonly System.Threading.Lock _syncLock = new();
    private readonly FileStream _stream;
    // Per alert, its matches as (cursor, article) pairs: the article's details are one shared object for all the
    // alerts it matched (and one per article again after a restart, as its lines are consecutive in the file), so a
    // match costs 16 bytes in memory rather than a full record with its own strings.
    private readonly Dictionary<string, List<Entry>> _byAlert = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastCursor;
    private long _durableCursor;

    public AlertMatchLog(string folder)
    {
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "matches.jsonl");
        _stream = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 64 * 1024);
        var validLength = Math.Min(Load(), _stream.Length);
        // A torn last line (the process died mid-append) was never acknowledged: cut it so appends start clean.
        _stream.SetLength(validLength);
        _stream.Seek(0, SeekOrigin.End);
        if (validLength > 0 && LastByte() != '\n')
        {
            _stream.WriteByte((byte)'\n');
        }

        _durableCursor = _lastCursor;
    }

    public string FilePath { get; }

    /// <summary>Records that an article matched these alerts; readable after <see cref="WaitDurable"/>.</summary>
    public void Append(AlertHit hit)
    {
        if (hit.AlertIds.Count == 0)
        {
            return;
        }

        var matched = new MatchedArticle(hit.ArticleId, hit.Title, hit.Outlet, hit.Url, hit.Published, hit.Sequence, DateTimeOffset.UtcNow, hit.Shard);
        var tail = MatchLine.ArticleTail(new Entry(0, matched).ToMatch(""), Json);
        lock (_appendLock)
        {
            foreach (var alertId in hit.AlertIds)
            {
                var entry = new Entry(++_lastCursor, matched);
                if (tail is not null && MatchLine.IsPlain(alertId))
                {
                    MatchLine.Write(_stream, entry.Cursor, alertId, tail);
                }
                else
                {
                    _stream.Write(JsonSerializer.SerializeToUtf8Bytes(entry.ToMatch(alertId), Json));
                    _stream.WriteByte((byte)'\n');
                }

                Add(alertId, entry);
            }
        }
    }

    /// <summary>Returns once every match appended so far survives a crash, and makes them readable.</summary>
    public void WaitDurable()
    {
        if (Interlocked.Read(ref _durableCursor) == Interlocked.Read(ref _lastCursor))
        {
            return;
        }

        lock (_syncLock)
        {
            long covered;
            lock (_appendLock)
            {
                covered = _lastCursor;
                _stream.Flush(flushToDisk: false);
            }

            if (covered <= Interlocked.Read(ref _durableCursor))
            {
                return;
            }

            // The fsync runs outside the append lock, so writers keep appending to the OS buffer meanwhile.
            _stream.Flush(flushToDisk: true);
            Interlocked.Exchange(ref _durableCursor, covered);
        }

        var changed = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        changed.TrySetResult();
    }

    /// <summary>Durable matches of one alert after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<AlertMatch> Read(string alertId, long after, int limit)
    {
        var durable = Interlocked.Read(ref _durableCursor);
        lock (_appendLock)
        {
            if (!_byAlert.TryGetValue(alertId, out var matches))
            {
                return [];
            }

            var result = new List<AlertMatch>();
            for (var i = FirstAfter(matches, after); i < matches.Count && result.Count < limit && matches[i].Cursor <= durable; i++)
            {
                result.Add(matches[i].ToMatch(alertId));
            }

            return result;
        }
    }

    /// <summary>How many durable matches one alert has after <paramref name="after"/>, and the cursor of its newest (0: none).</summary>
    public (int Count, long Latest) Summarize(string alertId, long after)
    {
        var durable = Interlocked.Read(ref _durableCursor);
        lock (_appendLock)
        {
            if (!_byAlert.TryGetValue(alertId, out var matches))
            {
                return (0, 0);
            }

            var end = FirstAfter(matches, durable);
            return (Math.Max(0, end - FirstAfter(matches, after)), end == 0 ? 0 : matches[end - 1].Cursor);
        }
    }

    /// <summary>The (alert, write sequence) pairs recorded for writes of <paramref name="shard"/> at or after <paramref name="sequence"/>.</summary>
    public HashSet<(string AlertId, long Sequence)> RecordedSince(long sequence, int shard = 0)
    {
        lock (_appendLock)
        {
            return _byAlert.SelectMany(pair => pair.Value.Where(m => m.Article.Shard == shard && m.Article.WriteSequence >= sequence)
                .Select(m => (pair.Key, m.Article.WriteSequence))).ToHashSet();
        }
    }

    /// <summary>The cursor of the newest durable match of the server (0 when none).</summary>
    public long LastCursor => Interlocked.Read(ref _durableCursor);

    /// <summary>Completes when more matches become durable (of any alert), or when cancelled.</summary>
    public Task WaitForNewAsync(CancellationToken cancellationToken) => Volatile.Read(ref _changed).Task.WaitAsync(cancellationToken);

    /// <summary>Drops a deleted alert's matches from memory; the file keeps them until it is compacted.</summary>
    public void Forget(string alertId)
    {
        lock (_appendLock)
        {
            _byAlert.Remove(alertId);
        }
    }

    /// <summary>Drops from memory the matches of alerts not in <paramref name="alertIds"/> (deleted before a restart).</summary>
    public void Retain(IReadOnlySet<string> alertIds)
    {
        lock (_appendLock)
        {
            foreach (var gone in _byAlert.Keys.Where(id => !alertIds.Contains(id)).ToList())
            {
                _byAlert.Remove(gone);
            }
        }
    }

    private void Add(string alertId, Entry entry)
    {
        if (!_byAlert.TryGetValue(alertId, out var matches))
        {
            _byAlert[alertId] = matches = [];
        }

        matches.Add(entry);
    }

    /// <summary>Index of the first match with a cursor above <paramref name="after"/> (cursors increase along the list).</summary>
    private static int FirstAfter(List<Entry> matches, long after)
    {
        int low = 0, high = matches.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (matches[mid].Cursor <= after)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Reads the file into memory; returns the length of its intact lines.</summary>
    private long Load()
    {
        long valid = 0;
        MatchedArticle? previous = null;
        using var reader = new StreamReader(_stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            AlertMatch? match;
            try
            {
                match = JsonSerializer.Deserialize<AlertMatch>(line, Json);
            }
            catch (JsonException)
            {
                break;
            }

            if (match is null)
            {
                break;
            }

            var article = new MatchedArticle(match.ArticleId, match.Title, match.Outlet, match.Url, match.Published, match.WriteSequence, match.MatchedAt, match.Shard);
            // The matches of one article are consecutive lines: they share one object again.
            previous = article == previous ? previous : article;
            Add(match.AlertId, new Entry(match.Cursor, previous));
            _lastCursor = Math.Max(_lastCursor, match.Cursor);
            valid += Encoding.UTF8.GetByteCount(line) + 1;
        }

        return valid;
    }

    private int LastByte()
    {
        _stream.Seek(-1, SeekOrigin.End);
        var last = _stream.ReadByte();
        _stream.Seek(0, SeekOrigin.End);
        return last;
    }

    public void Dispose()
    {
        lock (_appendLock)
        {
            // The host may dispose the service twice (it is registered as itself and as a write observer).
            if (!_stream.CanWrite)
            {
                return;
            }

            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
        }
    }

    /// <summary>What a match records of its article, shared by every alert the article matched.</summary>
    private sealed record MatchedArticle(string ArticleId, string? Title, string? Outlet, string? Url, DateOnly? Published, long WriteSequence,
        DateTimeOffset MatchedAt, int Shard);

    private readonly record struct Entry(long Cursor, MatchedArticle Article)
    {
        public AlertMatch ToMatch(string alertId) =>
            new(Cursor, alertId, Article.ArticleId, Article.Title, Article.Outlet, Article.Url, Article.Published, Article.WriteSequence, Article.MatchedAt, Article.Shard);
    }
}
