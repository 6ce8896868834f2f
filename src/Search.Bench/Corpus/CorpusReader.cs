using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core.Articles;

namespace Search.Bench.Corpus;

/// <summary>
/// Reads the AllSides JSON-lines corpus straight into <see cref="Article"/> records: outlet, title, body and
/// date are given by the corpus, so no extraction runs. Speakers, sources and quotes are left empty: the
/// benchmark measures indexing and search, not <see cref="ArticleParser"/> (which would dominate indexing time).
/// </summary>
public static class CorpusReader
{
    public static List<Article> Read(string path, int limit)
    {
        var articles = new List<Article>();
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (articles.Count < limit && reader.ReadLine() is { } line)
        {
            var row = JsonSerializer.Deserialize<CorpusLine>(line) ?? throw new InvalidDataException("Empty corpus line.");
            articles.Add(new Article(row.Id, row.Url, string.IsNullOrWhiteSpace(row.Title) ? null : row.Title, row.Body ?? "",
                string.IsNullOrWhiteSpace(row.Outlet) ? null : row.Outlet, [], [], [],
                DayParser.ParseLenient(row.Date)));
        }

        return articles;
    }

    /// <summary>
    /// The corpus <paramref name="factor"/> times over, each copy under distinct ids ("id~2"). Texts are shared
    /// strings, so a ×10 corpus costs little more memory than ×1.
    /// </summary>
    public static List<Article> Replicate(IReadOnlyList<Article> articles, int factor)
    {
        var copies = new List<Article>(articles.Count * factor);
        for (var copy = 0; copy < factor; copy++)
        {
            foreach (var article in articles)
            {
                copies.Add(copy == 0 ? article : article with { Id = $"{article.Id}~{copy}" });
            }
        }

        return copies;
    }

    private sealed record CorpusLine(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("outlet")] string? Outlet,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("date")] string? Date,
        [property: JsonPropertyName("body")] string? Body);
}
