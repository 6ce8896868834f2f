using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Search.Core.Indexing;

/// <summary>One logged write: an upsert (with the article) or a delete (with the id).</summary>
public sealed record WalEntry(long Seq, string Op, Articles.Article? Article, string? Id);

/// <summary>
/// An append-only log of writes since the last Lucene commit. A write is acknowledged once its record is
/// fsynced — one small sequential append, far cheaper than a Lucene commit (which flushes a segment and
/// syncs several files). At start the records past the last commit are replayed.
/// </summary>
/// <remarks>
/// Framing: one record per line, <c>#{length} {checksum} {json}\n</c>, where length counts the JSON's UTF-8
/// bytes and checksum is the first four bytes of their SHA-256, so a reader can tell a whole record from a
/// torn or damaged one. Each record is written with one unbuffered write; if that fails (disk full), the
/// file is cut back to the end of the last whole record before anything else is appended, so a fragment is
/// never glued to the next record. Reading skips a damaged record in the middle (it goes to
/// <c>{log}.quarantine</c> and is reported) and ignores a torn last one (the process died mid-append, so it was
/// never acknowledged). Plain JSON lines written by earlier versions are still read.
/// Not thread-safe: <see cref="ArticleIndex"/> serialises access.
/// </remarks>
public sealed class WriteAheadLog : IDisposable
{
    public const string Upsert = "upsert";
    public const string Delete = "delete";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly FileStream _stream;
    private readonly List<string> _problems = [];

    // Start offsets of damaged records already quarantined (reading again must not set them aside twice).
    private readonly HashSet<int> _quarantined = [];

    // End of the last whole record: what the file is cut back to when an append fails halfway.
    private long _validLength;

    public WriteAheadLog(string path)
    {
        FilePath = path;
        var created = !File.Exists(path);
        // Others may read (backups, tests) but not write; the index's write.lock already keeps a second writer out.
        // No buffer: each record reaches the OS in one write, so a failed append leaves nothing behind in memory.
        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        if (created)
        {
            // The new file's directory entry must survive a crash too, or the first fsynced records vanish with it.
            DirectorySync.Sync(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }

        _validLength = _stream.Length;
        _stream.Seek(0, SeekOrigin.End);
    }

    public string FilePath { get; }

    /// <summary>Where damaged records are moved to when the log is read.</summary>
    public string QuarantinePath => FilePath + ".quarantine";

    /// <summary>Bytes in the log (what a restart would replay).</summary>
    public long Length => _validLength;

    /// <summary>What was wrong with each record set aside while reading (for the start-up log).</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Appends an entry to the OS; durable only after <see cref="Sync"/>. On failure nothing of it stays in the log.</summary>
    public void Append(WalEntry entry)
    {
        var record = Frame(JsonSerializer.SerializeToUtf8Bytes(entry, Json));
        if (_stream.Length != _validLength)
        {
            // An earlier failed append could not be cut back; do it now, before this record follows it.
            _stream.SetLength(_validLength);
        }

        _stream.Seek(_validLength, SeekOrigin.Begin);
        try
        {
            _stream.Write(record);
        }
        catch (IOException)
        {
            CutBack();
            throw;
        }

        _validLength += record.Length;
    }

    /// <summary>fsyncs everything appended so far.</summary>
    public void Sync() => _stream.Flush(flushToDisk: true);

    /// <summary>Empties the log once a Lucene commit holds everything in it.</summary>
    public void Truncate()
    {
        _stream.SetLength(0);
        _validLength = 0;
        _quarantined.Clear();
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Entries in the log, in order. A damaged record followed by whole ones is quarantined and skipped; a
    /// damaged last record is a torn append and ignored.
    /// </summary>
    public IReadOnlyList<WalEntry> ReadAll()
    {
        _stream.Seek(0, SeekOrigin.Begin);
        var bytes = new byte[_stream.Length];
        _stream.ReadExactly(bytes);
        var entries = new List<WalEntry>();
        var damaged = new List<(int Start, int End, string Reason)>();
        var start = 0;
        while (start < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start);
            var end = newline < 0 ? bytes.Length : newline;
            var (entry, reason) = newline < 0 ? (null, "no line end") : Parse(bytes.AsSpan(start, end - start));
            if (entry is not null)
            {
                entries.Add(entry);
            }
            else if (end - start > 0)
            {
                damaged.Add((start, end, reason!));
            }

            start = end + 1;
        }

        // A damaged last record is a torn append, never acknowledged: cut off quietly, so the next record starts
        // on a line of its own. Earlier ones are kept aside (once each: recovery reads the log again).
        var wholeEnd = bytes.Length;
        if (damaged.Count > 0 && damaged[^1].End >= LastRecordEnd(bytes))
        {
            wholeEnd = damaged[^1].Start;
            damaged.RemoveAt(damaged.Count - 1);
        }

        foreach (var (from, to, reason) in damaged.Where(d => _quarantined.Add(d.Start)))
        {
            Quarantine(bytes.AsSpan(from, to - from), $"log record at byte {from}: {reason}");
        }

        if (wholeEnd < bytes.Length)
        {
            _stream.SetLength(wholeEnd);
        }

        _validLength = wholeEnd;
        _stream.Seek(wholeEnd, SeekOrigin.Begin);
        return entries;
    }

    /// <summary>Sets a record aside (a replay could not apply it) so that start-up goes on; the reason is kept in <see cref="Problems"/>.</summary>
    public void Quarantine(WalEntry entry, string reason) =>
        Quarantine(JsonSerializer.SerializeToUtf8Bytes(entry, Json), $"write {entry.Seq.ToString(CultureInfo.InvariantCulture)} ({entry.Op} {entry.Article?.Id ?? entry.Id}): {reason}");

    private void Quarantine(ReadOnlySpan<byte> record, string reason)
    {
        using (var file = new FileStream(QuarantinePath, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            file.Write(record);
            file.WriteByte((byte)'\n');
            file.Flush(flushToDisk: true);
        }

        _problems.Add(reason);
    }

    private static byte[] Frame(byte[] json)
    {
        var header = Encoding.ASCII.GetBytes(
            $"#{json.Length.ToString(CultureInfo.InvariantCulture)} {Checksum(json).ToString("x8", CultureInfo.InvariantCulture)} ");
        var record = new byte[header.Length + json.Length + 1];
        header.CopyTo(record, 0);
        json.CopyTo(record, header.Length);
        record[^1] = (byte)'\n';
        return record;
    }

    private static (WalEntry? Entry, string? Reason) Parse(ReadOnlySpan<byte> line)
    {
        var json = line;
        if (line.Length > 0 && line[0] == (byte)'#')
        {
            var firstSpace = line.IndexOf((byte)' ');
            var secondSpace = firstSpace < 0 ? -1 : line[(firstSpace + 1)..].IndexOf((byte)' ');
            if (secondSpace < 0
                || !int.TryParse(line[1..firstSpace], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || !uint.TryParse(line.Slice(firstSpace + 1, secondSpace), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var checksum))
            {
                return (null, "bad record header");
            }

            json = line[(firstSpace + secondSpace + 2)..];
            if (json.Length != length || Checksum(json) != checksum)
            {
                return (null, "length or checksum does not match");
            }
        }

        try
        {
            return JsonSerializer.Deserialize<WalEntry>(json, Json) is { } entry ? (entry, null) : (null, "null record");
        }
        catch (JsonException ex)
        {
            return (null, "not a log entry: " + ex.Message);
        }
    }

    /// <summary>End of the last non-empty line (trailing newlines excluded).</summary>
    private static int LastRecordEnd(byte[] bytes)
    {
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] == (byte)'\n')
        {
            end--;
        }

        return end;
    }

    private static uint Checksum(ReadOnlySpan<byte> json) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(json));

    /// <summary>Cuts the file back to the last whole record; if even that fails, the next append retries it.</summary>
    private void CutBack()
    {
        try
        {
            _stream.SetLength(_validLength);
        }
        catch (IOException)
        {
            // Append checks the length before writing and cuts back then.
        }
    }

    public void Dispose() => _stream.Dispose();
}
