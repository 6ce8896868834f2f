using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>
/// Hundreds of malformed and hostile requests: none may produce a 5xx, every 4xx carries a
/// ProblemDetails body, and the stored articles are untouched.
/// </summary>
public sealed class RobustnessTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static readonly string[] QueryFragments =
    [
        "(", ")", "\"", "AND", "OR", "NOT", "*", "?", "~", "~99999", "^", "^-1", ":", "title:", "nope:", "[", "]", "{", "}",
        "TO", "\\", "/", "/.*/", "+", "-", "&&", "||", "!", "putin", "\"nato expansion\"~3", "a*", "*a", "published:[x TO y]",
        "published:2022-02-31", "speaker:", "quote:\"", "%", "\u0000", "\uFFFF", "💥", "~0.5", "x~3", "99999999999999999999",
    ];

    private static readonly string[] Parameters =
        ["size", "page", "from", "to", "sort", "op", "after", "outlet", "speaker", "facets", "refresh"];

    private static readonly string[] Values =
        ["", "-1", "0", "1", "abc", "99999999999999999999", "2022-02-30", "1e9", "true", "NaN", "%00", "%C3%28", "../..", "newest", "\"", "null"];

    [Fact]
    public async Task HostileRequestsNeverCause5xxAndLoseNothing()
    {
        var client = factory.CreateClient();
        var writer = factory.CreateWriter();
        var before = await Count(client);
        var random = new Random(20221104);
        var requests = new List<HttpRequestMessage>();

        for (var i = 0; i < 260; i++)
        {
            var q = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => QueryFragments[random.Next(QueryFragments.Length)] + (random.Next(3) == 0 ? " " : "")));
            var query = "q=" + Uri.EscapeDataString(q);
            for (var p = random.Next(3); p > 0; p--)
            {
                query += $"&{Parameters[random.Next(Parameters.Length)]}={Values[random.Next(Values.Length)]}";
            }

            requests.Add(new HttpRequestMessage(HttpMethod.Get, new Uri("/search?" + query, UriKind.Relative)));
        }

        foreach (var path in new[] { "/articles/..%2F..%2Fetc%2Fpasswd", "/articles/" + new string('x', 5000), "/articles/a%2Fb", "/search/../articles", "/articles/%C3%28" })
        {
            requests.Add(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)));
        }

        string[] bodies =
        [
            "", "{", "[]", "null", "42", "\"text\"", "{\"text\":null}", "{\"text\":123}", "{\"text\":[]}", "{\"id\":{},\"text\":\"x\"}",
            "{\"text\":\"ok enough text here\",\"published\":\"2022-99-99\"}", "{\"text\":\"ok text\",\"speakers\":\"notalist\"}",
            "{\"text\":\"" + new string('a', 100) + "\",\"id\":\"" + new string('i', 300) + "\"}", "{\"text\":\"x\",\"id\":\"../x\"}",
        ];
        foreach (var body in bodies)
        {
            foreach (var (method, path) in new[] { (HttpMethod.Post, "/articles"), (HttpMethod.Put, "/articles/robust-1"), (HttpMethod.Post, "/articles/bulk") })
            {
                requests.Add(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
            }
        }

        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            requests.Add(new HttpRequestMessage(HttpMethod.Post, new Uri("/articles", UriKind.Relative)) { Content = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } } });
        }

        foreach (var method in new[] { HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Put })
        {
            requests.Add(new HttpRequestMessage(method, new Uri("/search", UriKind.Relative)));
        }

        Assert.True(requests.Count >= 300, $"only {requests.Count} requests");
        foreach (var request in requests)
        {
            var isWrite = request.Method != HttpMethod.Get;
            var response = await (isWrite ? writer : client).SendAsync(request);
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{request.Method} {request.RequestUri} gave {status}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        // Every write above was invalid except, possibly, robust-1 PUTs and bulk lines; remove those and compare.
        await writer.DeleteAsync(new Uri("/articles/robust-1?refresh=wait", UriKind.Relative));
        Assert.Equal(before, await Count(client));
    }

    private static async Task<int> Count(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative))).GetProperty("articles").GetInt32();
}
