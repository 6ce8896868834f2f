using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Bench.Corpus;

/// <summary>
/// Reads the AllSides JSON-lines corpus into <see cref="Article"/> records. <see cref="ReadExtracted"/> is what the
/// benchmark indexes (#23): every line goes through the product's own ingest extraction
/// (<see cref="ArticleIngestor.Extract"/>, as POST /articles/bulk runs it; outlet, title and date given by the
/// corpus win), so the articles carry the speakers, sources and quotes a user's index holds. <see cref="Read"/>
/// maps the corpus as given (no extraction: speakers, sources and quotes empty) for the tools that need no facets.
/// </summary>
public static class CorpusReader
{
    /// <summary>
    /// The first <paramref name="limit"/> lines, each extracted by <see cref="ArticleIngestor.Extract"/> on
    /// <paramref name="threads"/> threads, in input order. A line the ingest rejects (as the bulk endpoint would
    /// answer "error") is left out and counted in <paramref name="rejected"/>.
    /// </summary>
    public static List<Article> ReadExtracted(string path, int limit, int threads, out int rejected)
    {
        var given = Read(path, limit);
        var extracted = new Article?[given.Count];
        Parallel.For(0, given.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            var article = given[i];
            try
            {
                extracted[i] = ArticleIngestor.Extract(ToRaw(article));
            }
            catch (ArticleWriteException)
            {
                extracted[i] = null;
            }
        });
        rejected = extracted.Count(a => a is null);
        return [.. extracted.OfType<Article>()];
    }

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

    /// <summary>The corpus fields as a client would post them: given fields win, extraction fills in the rest.</summary>
    public static RawArticle ToRaw(Article article) => new()
    {
        Id = article.Id,
        Text = article.Body,
        Url = article.Url,
        Title = article.Title,
        Outlet = article.Outlet,
        Published = article.Published,
    };
}
