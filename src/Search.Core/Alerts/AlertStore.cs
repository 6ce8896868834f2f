using System.Text;
using System.Text.Json;

namespace Search.Core.Alerts;

/// <summary>
/// The saved alerts on disk: an append-only log (<c>alerts.jsonl</c>, one JSON line per save or delete), fsynced
/// before a save or delete is acknowledged. At open the log is read (a torn last line, never acknowledged, is
/// dropped) and rewritten compacted: to a temporary file, fsynced, then renamed over the log. The rename is atomic,
/// so a crash leaves either the old log or the compacted one, and both hold the same alerts.
/// Thread-safe.
/// </summary>
public sealed class AlertStore : IDisposable
{
    private const string Add = "add";
    private const string Remove = "delete";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly System.Threading.Lock _lock = new();
    private readonly FileStream _log;
    private readonly Dictionary<string, SavedAlert> _alerts = new(StringComparer.Ordinal);

    public AlertStore(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "alerts.jsonl");
        if (File.Exists(path))
        {
            foreach (var line in ReadLines(path))
            {
                if (line.Op == Add && line.Alert is { } alert)
                {
                    _alerts[alert.Id] = alert;
                }
                else if (line.Op == Remove && line.Id is { } id)
                {
                    _alerts.Remove(id);
                }
            }
        }

        Compact(path, _alerts.Values.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal));
        _log = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    /// <summary>The saved alerts, oldest first.</summary>
    public IReadOnlyList<SavedAlert> All()
    {
        lock (_lock)
        {
            return [.. _alerts.Values.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>Saves alerts durably (one fsync for all of them).</summary>
    public void Save(IReadOnlyList<SavedAlert> alerts)
    {
        lock (_lock)
        {
            foreach (var alert in alerts)
            {
                Write(new LogLine(Add, alert, null));
                _alerts[alert.Id] = alert;
            }

            _log.Flush(flushToDisk: true);
        }
    }

    /// <summary>Deletes an alert durably; false when there is none with this id.</summary>
    public bool Delete(string id)
    {
        lock (_lock)
        {
            if (!_alerts.Remove(id))
            {
                return false;
            }

            Write(new LogLine(Remove, null, id));
            _log.Flush(flushToDisk: true);
            return true;
        }
    }

    private void Write(LogLine line)
    {
        _log.Write(JsonSerializer.SerializeToUtf8Bytes(line, Json));
        _log.WriteByte((byte)'\n');
    }

    private static void Compact(string path, IEnumerable<SavedAlert> alerts)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var alert in alerts)
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(new LogLine(Add, alert, null), Json));
                stream.WriteByte((byte)'\n');
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static List<LogLine> ReadLines(string path)
    {
        var lines = new List<LogLine>();
        foreach (var text in File.ReadLines(path, Encoding.UTF8))
        {
            try
            {
                if (JsonSerializer.Deserialize<LogLine>(text, Json) is not { } line)
                {
                    break;
                }

                lines.Add(line);
            }
            catch (JsonException)
            {
                // A torn tail: the process died mid-append, before the save was acknowledged.
                break;
            }
        }

        return lines;
    }

    public void Dispose() => _log.Dispose();

    private sealed record LogLine(string Op, SavedAlert? Alert, string? Id);
}
