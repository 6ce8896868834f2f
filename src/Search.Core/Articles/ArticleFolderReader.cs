using System.Text;
using System.Text.Json;

namespace Search.Core.Articles;

/// <summary>One input file read from a folder: the raw article, or why it could not be read.</summary>
public sealed record ArticleFile(string Path, RawArticle? Article, string? Error);

/// <summary>
/// Reads a folder of page-text files (<c>*.txt</c>) with an optional <c>metadata.json</c> beside them
/// (<c>{ "articles": [ { "file", "url", "site", "published" } ] }</c>, as in <c>seeds/</c>).
/// The article id is the file name without extension, so re-indexing the same folder gives the same ids.
/// </summary>
public static class ArticleFolderReader
{
    public const string MetadataFileName = "metadata.json";

    public static IReadOnlyList<string> ListArticleFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.txt", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<ArticleFile> Read(string folder)
    {
        var metadata = ReadMetadata(folder);
        foreach (var path in ListArticleFiles(folder))
        {
            yield return ReadOne(path, metadata.GetValueOrDefault(Path.GetFileName(path)));
        }
    }

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
            return new ArticleFile(path, null, $"not valid UTF-8 (byte {ex.Index}): save the file as UTF-8");
        }

        var raw = new RawArticle
        {
            Id = Path.GetFileNameWithoutExtension(path),
            Text = text,
            Url = metadata?.Url,
            Site = metadata?.Site,
            Published = metadata?.Published is { } day && DateOnly.TryParse(day, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
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
