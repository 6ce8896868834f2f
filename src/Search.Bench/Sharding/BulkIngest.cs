using System.Net;
using System.Text;
using System.Text.Json;
using Search.Core.Articles;

namespace Search.Bench.Sharding;

/// <summary>
/// Sends articles through <c>POST /articles/bulk</c> as a user would (one article object per line, streamed) and
/// counts the per-line results the server streams back once each batch is durable. Each silo gets its own slice and
/// its own sequence of requests, so the coordinating work (parsing, extraction, routing) is spread as a load balancer
/// would. A request carries at most <see cref="LinesPerRequest"/> lines: HttpClient on HTTP/1.1 reads the response
/// only once the request body is sent, while the server streams results as it reads, so one request of 20,000+ lines
/// filled both sockets' buffers and stalled (seen: both sides' send queues full at 26,500 articles).
/// </summary>
internal static class BulkIngest
{
    public const int LinesPerRequest = 1000;

    /// <summary>Sends slice i of <paramref name="articles"/> to client i, all at once; returns the lines acknowledged.</summary>
    public static async Task<int> SendAsync(IReadOnlyList<HttpClient> clients, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var slice = (articles.Count + clients.Count - 1) / clients.Count;
        var sent = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var acknowledged = 0;
            foreach (var chunk in articles.Skip(i * slice).Take(slice).Chunk(LinesPerRequest))
            {
                acknowledged += await SendSliceAsync(client, chunk, cancellationToken);
                Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} stream {i + 1}: {acknowledged} acknowledged");
            }

            return acknowledged;
        }));
        return sent.Sum();
    }

    private static async Task<int> SendSliceAsync(HttpClient client, IEnumerable<Article> articles, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/articles/bulk", UriKind.Relative)) { Content = new NdjsonContent(articles) };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var acknowledged = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            using var result = JsonDocument.Parse(line);
            var status = result.RootElement.GetProperty("status").GetString();
            if (status is "created" or "updated")
            {
                acknowledged++;
            }
            else
            {
                Console.Error.WriteLine($"  bulk line refused: {line}");
            }
        }

        return acknowledged;
    }

    /// <summary>The corpus fields as the article object (the API extracts the rest from the text).</summary>
    public static string ToLine(Article article) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["id"] = article.Id,
        ["url"] = article.Url,
        ["title"] = article.Title,
        ["outlet"] = article.Outlet,
        ["published"] = article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["text"] = article.Body,
    });

    /// <summary>Writes the lines as the request body is sent, never holding the whole body.</summary>
    private sealed class NdjsonContent : HttpContent
    {
        private readonly IEnumerable<Article> _articles;

        public NdjsonContent(IEnumerable<Article> articles)
        {
            _articles = articles;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            foreach (var article in _articles)
            {
                await writer.WriteLineAsync(ToLine(article));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
