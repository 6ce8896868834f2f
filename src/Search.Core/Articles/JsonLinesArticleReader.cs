using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Search.Core.Articles;

/// <summary>
/// Reads JSON Lines (<c>*.jsonl</c>, or gzip-compressed <c>*.jsonl.gz</c>): one article object per line with
/// any of <c>id</c>, <c>url</c>, <c>title</c>, <c>outlet</c>, <c>published</c> (or <c>date</c>), <c>text</c>
/// (or <c>body</c>) and <c>html</c>. Given fields win over extracted ones. A bad line is reported as its own
/// error ("line 12: ...") and the other lines still index.
/// </summary>
public static class JsonLinesArticleReader
{
    public static IEnumerable<ArticleFile> Read(string path)
    {
        // Ids of lines without one: "<file name before its first dot>-<line number>".
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var baseId = dot > 0 ? name[..dot] : name;
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var number = 0;
        var any = false;
        while (true)
        {
            string? line;
            string? failure = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (Exception ex) when (ex is InvalidDataException or DecoderFallbackException)
            {
                line = null;
                failure = ex is DecoderFallbackException ? "not valid UTF-8: save the file as UTF-8" : "not a valid gzip file";
            }

            if (failure is not null)
            {
                yield return new ArticleFile(path, null, number == 0 ? failure : $"after line {number}: {failure}");
                yield break;
            }

            if (line is null)
            {
                break;
            }

            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            any = true;
            yield return ReadLine(path, line, number, $"{baseId}-{number}");
        }

        if (!any)
        {
            yield return new ArticleFile(path, null, "empty file");
        }
    }

    /// <summary>Maps one JSON object to a raw article, or explains why the line is not one.</summary>
    public static ArticleFile ReadLine(string path, string line, int number, string fallbackId)
    {
        if (line.Contains('\0', StringComparison.Ordinal))
        {
            return new ArticleFile(path, null, $"line {number}: binary content, not JSON");
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ArticleFile(path, null, $"line {number}: expected a JSON object");
            }

            var text = String(root, "text") ?? String(root, "body");
            var html = String(root, "html");
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
            {
                return new ArticleFile(path, null, $"line {number}: no text, body or html");
            }

            var published = String(root, "published") ?? String(root, "date");
            var raw = new RawArticle
            {
                Id = String(root, "id") ?? (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetRawText() : fallbackId),
                Text = text ?? "",
                Html = html,
                Url = String(root, "url"),
                Title = String(root, "title"),
                Outlet = String(root, "outlet"),
                Published = DayParser.ParseLenient(published),
            };
            return new ArticleFile(path, raw, null);
        }
        catch (JsonException ex)
        {
            return new ArticleFile(path, null, $"line {number}: not valid JSON ({ex.Message})");
        }
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
