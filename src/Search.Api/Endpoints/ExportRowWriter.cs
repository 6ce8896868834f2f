using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Search.Core.Querying;
using Search.Core.Querying.Export;

namespace Search.Api.Endpoints;

/// <summary>
/// Writes export rows as RFC 4180 CSV (CsvHelper: header row, CRLF, quotes where needed) or as NDJSON, one row at a
/// time into a 64 KiB buffer written to the output asynchronously whenever it fills (Kestrel forbids synchronous
/// writes), so memory stays that buffer whatever the number of rows.
/// </summary>
internal sealed class ExportRowWriter : IAsyncDisposable
{
    /// <summary>Every column, in the default order.</summary>
    public static readonly IReadOnlyList<string> AllFields = ["id", "url", "title", "outlet", "published", "speakers", "sources", "authors", "lang"];

    /// <summary>Between the values of a list column in CSV (speakers, sources, authors).</summary>
    public const string ListSeparator = "; ";

    private readonly IReadOnlyList<string> _fields;
    private readonly CsvWriter? _csv;
    private readonly Utf8JsonWriter? _json;
    private readonly Stream _output;
    private readonly MemoryStream _buffer = new();

    /// <summary>NDJSON bytes gathered before they go to the output.</summary>
    private const int FlushBytes = 64 * 1024;

    public ExportRowWriter(Stream output, ExportFormat format, IReadOnlyList<string> fields)
    {
        _output = output;
        _fields = fields;
        if (format == ExportFormat.Csv)
        {
            _csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
            _csv.WriteHeader([.. fields]);
        }
        else
        {
            _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        }
    }

    /// <summary>The columns asked for: the default when <paramref name="fields"/> is blank; an unknown one is a 400.</summary>
    public static IReadOnlyList<string> ParseFields(string? fields)
    {
        if (string.IsNullOrWhiteSpace(fields))
        {
            return AllFields;
        }

        var names = fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).Distinct().ToList();
        if (names.Count == 0 || names.FirstOrDefault(n => !AllFields.Contains(n)) is { } unknown)
        {
            throw new SearchRequestException("fields", $"Unknown field '{fields}'; use a comma-separated list of: {string.Join(", ", AllFields)}.");
        }

        return names;
    }

    public async ValueTask WriteAsync(ExportRow row, CancellationToken cancellationToken)
    {
        if (_csv is not null)
        {
            foreach (var field in _fields)
            {
                _csv.WriteField(Text(row, field));
            }

            await _csv.EndRecordAsync(cancellationToken);
            return;
        }

        _json!.Reset(_buffer);
        _json.WriteStartObject();
        foreach (var field in _fields)
        {
            WriteJson(_json, row, field);
        }

        _json.WriteEndObject();
        _json.Flush();
        _buffer.WriteByte((byte)'\n');
        if (_buffer.Length >= FlushBytes)
        {
            await DrainAsync(cancellationToken);
        }
    }

    /// <summary>Writes what is left to the output.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_csv is not null)
        {
            await _csv.FlushAsync(cancellationToken);
        }

        await DrainAsync(cancellationToken);
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Length > 0)
        {
            await _output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken);
            _buffer.SetLength(0);
        }
    }

    private static string? Text(ExportRow row, string field) => field switch
    {
        "id" => row.Id,
        "url" => row.Url,
        "title" => row.Title,
        "outlet" => row.Outlet,
        "published" => row.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "speakers" => string.Join(ListSeparator, row.Speakers),
        "sources" => string.Join(ListSeparator, row.Sources),
        "authors" => string.Join(ListSeparator, row.Authors),
        "lang" => row.Lang,
        _ => null,
    };

    private static void WriteJson(Utf8JsonWriter json, ExportRow row, string field)
    {
        switch (field)
        {
            case "speakers":
                WriteList(json, field, row.Speakers);
                break;
            case "sources":
                WriteList(json, field, row.Sources);
                break;
            case "authors":
                WriteList(json, field, row.Authors);
                break;
            default:
                if (Text(row, field) is { } value)
                {
                    json.WriteString(field, value);
                }
                else
                {
                    json.WriteNull(field);
                }

                break;
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_csv is not null)
        {
            await _csv.DisposeAsync();
        }

        if (_json is not null)
        {
            await _json.DisposeAsync();
        }

        await _buffer.DisposeAsync();
    }
}
