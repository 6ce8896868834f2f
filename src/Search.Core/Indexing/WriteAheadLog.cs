using System.Text;
using System.Text.Json;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>One logged write: an upsert (with the article) or a delete (with the id).</summary>
public sealed record WalEntry(long Seq, string Op, Article? Article, string? Id);

/// <summary>
/// An append-only log of writes since the last Lucene commit, one JSON line per write. A write is
/// acknowledged once its line is fsynced — one small sequential append, far cheaper than a Lucene commit
/// (which flushes a segment and syncs several files). At start the lines past the last commit are
/// replayed; a torn last line (the process died mid-append, so it was never acknowledged) is ignored.
/// Not thread-safe: <see cref="ArticleIndex"/> serialises access.
/// </summary>
public sealed class WriteAheadLog : IDisposable
{
    public const string Upsert = "upsert";
    public const string Delete = "delete";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly FileStream _stream;

    public WriteAheadLog(string path)
    {
        FilePath = path;
        // Others may read (backups, tests) but not write; the index's write.lock already keeps a second writer out.
        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 64 * 1024);
        _stream.Seek(0, SeekOrigin.End);
    }

    public string FilePath { get; }

    /// <summary>Bytes in the log (what a restart would replay).</summary>
    public long Length => _stream.Length;

    /// <summary>Appends an entry to the OS buffer; durable only after <see cref="Sync"/>.</summary>
    public void Append(WalEntry entry)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, Json);
        _stream.Write(line);
        _stream.WriteByte((byte)'\n');
    }

    /// <summary>Flushes and fsyncs everything appended so far.</summary>
    public void Sync() => _stream.Flush(flushToDisk: true);

    /// <summary>Empties the log once a Lucene commit holds everything in it.</summary>
    public void Truncate()
    {
        _stream.SetLength(0);
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>Entries in the log, in order, stopping at the first line that does not parse (a torn tail).</summary>
    public IReadOnlyList<WalEntry> ReadAll()
    {
        _stream.Flush();
        _stream.Seek(0, SeekOrigin.Begin);
        var entries = new List<WalEntry>();
        using (var reader = new StreamReader(_stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true))
        {
            while (reader.ReadLine() is { } line)
            {
                WalEntry? entry;
                try
                {
                    entry = JsonSerializer.Deserialize<WalEntry>(line, Json);
                }
                catch (JsonException)
                {
                    break;
                }

                if (entry is null)
                {
                    break;
                }

                entries.Add(entry);
            }
        }

        _stream.Seek(0, SeekOrigin.End);
        return entries;
    }

    public void Dispose() => _stream.Dispose();
}
