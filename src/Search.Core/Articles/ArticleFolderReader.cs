using System.Text;
using System.Text.Json;

using Search.Core.Extraction;

namespace Search.Core.Articles;

/// <summary>One input file read from a folder: the raw article, or why it could not be read.</summary>
public sealed record ArticleFile(string Path, RawArticle? Article, string? Error);

/// <summary>
/// Reads a folder of articles: page-text files (<c>*.txt</c>), HTML pages (<c>*.html</c>, <c>*.htm</c>) and
/// JSON Lines (<c>*.jsonl</c>, <c>*.jsonl.gz</c>, see <see cref="JsonLinesArticleReader"/>), with an optional
/// <c>metadata.json</c> beside them (<c>{ "articles": [ { "file", "url", "site", "published" } ] }</c>, as in
/// <c>seeds/</c>). The id of a text or HTML article is the file name without extension, so re-indexing the
/// same folder gives the same ids. Empty, binary and undecodable files become per-file errors.
/// </summary>
public static class ArticleFolderReader
{
    public const string MetadataFileName = "metadata.json";

    private static readonly string[] Extensions = [".txt", ".html", ".htm", ".jsonl", ".jsonl.gz"];

    public static IReadOnlyList<string> ListArticleFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly)
            .Where(path => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every article in the folder (a JSON Lines file gives one per line), or why it could not be read.</summary>
    public static IEnumerable<ArticleFile> Read(string folder)
    {
        var metadata = ReadMetadata(folder);
        foreach (var path in ListArticleFiles(folder))
        {
            foreach (var article in ReadFile(path, metadata.GetValueOrDefault(Path.GetFileName(path))))
            {
                yield return article;
            }
        }
    }

    /// <summary>The articles in one file (text, HTML or JSON Lines), without folder metadata.</summary>
    public static IEnumerable<ArticleFile> ReadFile(string path) => ReadFile(path, null);

    private static IEnumerable<ArticleFile> ReadFile(string path, FileMetadata? metadata) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)
            ? JsonLinesArticleReader.Read(path)
            : [ReadOne(path, metadata)];

    private static bool IsHtml(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    private static ArticleFile ReadOne(string path, FileMetadata? metadata)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return new ArticleFile(path, null, "empty file");
        }

        if (bytes.AsSpan().Contains((byte)0))
        {
            return new ArticleFile(path, null, "binary content (NUL bytes): not a text article");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            // HTML may declare a Latin-1 charset; other encodings are refused rather than guessed.
            var charset = IsHtml(path) ? HtmlArticleExtractor.DeclaredCharset(bytes) : null;
            if (charset is "iso-8859-1" or "latin1" or "windows-1252" or "us-ascii")
            {
                text = Encoding.Latin1.GetString(bytes);
            }
            else
            {
                return new ArticleFile(path, null, $"not valid UTF-8 (byte {ex.Index}){(charset is null ? "" : $", declared charset '{charset}' is not supported")}: save the file as UTF-8");
            }
        }

        var html = IsHtml(path);
        var raw = new RawArticle
        {
            Id = Path.GetFileNameWithoutExtension(path),
            Text = html ? "" : text,
            Html = html ? text : null,
            Url = metadata?.Url,
            Site = metadata?.Site,
            Published = DayParser.ParseLenient(metadata?.Published),
        };
        return new ArticleFile(path, raw, null);
    }

    private static Dictionary<string, FileMetadata> ReadMetadata(string folder)
    {
        var path = Path.Combine(folder, MetadataFileName);
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = File.OpenRead(path);
        var document = JsonSerializer.Deserialize<MetadataDocument>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty");
        return (document.Articles ?? [])
            .Where(a => a.File is not null)
            .ToDictionary(a => a.File!, StringComparer.Ordinal);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record MetadataDocument(IReadOnlyList<FileMetadata>? Articles);

    private sealed record FileMetadata(string? File, string? Url, string? Site, string? Published);
}
