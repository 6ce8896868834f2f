using System.IO.Compression;
using System.Text;

namespace Search.Core.Articles;

/// <summary>
/// Reads JSON Lines (<c>*.jsonl</c>, or gzip-compressed <c>*.jsonl.gz</c>): one article object per line, read and
/// checked as the API reads a request (<see cref="ArticleRecordReader"/>, <see cref="ArticleRecord.ToRawArticle"/>).
/// Given fields win over extracted ones. A line without an id gets "&lt;file name before its first dot&gt;-&lt;line&gt;".
/// A bad line is reported as its own error ("line 12: ...") and the other lines still index.
/// </summary>
public static class JsonLinesArticleReader
{
    public static IEnumerable<ArticleFile> Read(string path)
    {
        // Ids of lines without one: "<file name before its first dot>-<line number>".
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var baseId = FallbackIdBase(dot > 0 ? name[..dot] : name);
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

    /// <summary>
    /// The file name as the start of an id: characters an id may not hold become '_', so a line without an id in
    /// "news 2024.jsonl" is stored as "news_2024-3" instead of failing the id check.
    /// </summary>
    private static string FallbackIdBase(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-' ? c : '_').ToArray();
        var id = new string(chars).TrimStart('.', '_', ':', '-');
        return id.Length == 0 ? "line" : id[..Math.Min(id.Length, ArticleIds.MaxLength - 12)];
    }

    /// <summary>Reads one line as an <see cref="ArticleRecord"/> (the same contract as the API's), or explains why it is not one.</summary>
    public static ArticleFile ReadLine(string path, string line, int number, string fallbackId)
    {
        try
        {
            return new ArticleFile(path, ArticleRecordReader.Read(line).ToRawArticle(defaultId: fallbackId), null);
        }
        catch (ArticleWriteException ex)
        {
            return new ArticleFile(path, null, $"line {number}: {ex.Message}");
        }
    }
}
