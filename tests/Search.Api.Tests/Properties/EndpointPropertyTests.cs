using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Search.Api.Tests.Properties;

/// <summary>
/// Generated requests over every parameter of every endpoint, writes included (#13). Invariants: never a
/// 5xx; every 4xx is ProblemDetails; and /health counts exactly the articles whose writes were acknowledged
/// (a model of created and deleted ids is kept alongside). CI-sized: a few hundred requests.
/// </summary>
public sealed class EndpointPropertyTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.OneOfConst("", "-1", "0", "1", "2", "10", "100", "101", "abc", "99999999999999999999", "2022-02-01", "2022-02-30", "1e9", "true", "false",
            "NaN", "null", "newest", "oldest", "relevance", "and", "or", "story", "prf", "auto", "off", "suggest", "wait", "eyJJZCI6IngifQ", "%00",
            "%C3%28", "%EF%BF%BE", "%ED%A0%80", "../..", "\"", "北京", "CNN", "Vladimir Putin"),
        Gen.Char['a', 'z'].Array[1, 12].Select(c => new string(c)));

    private static readonly Gen<string> QueryText = Gen.OneOf(
        Gen.OneOfConst("putin", "\"nato expansion\"~3", "published:[2022-02-01 TO *]", "body:[a TO z]", "北京", "talks AND (nato OR -russia)", "ukr*", "*", "a*",
            "title:talks^2", "putin~2", "(((", "\"unbalanced", "outlet:CNN", "speaker:\"Vladimir Putin\"", "\\", "x:y", "/re/", "\uFFFE", "\uD800"),
        Gen.Char.Array[0, 30].Select(c => new string(c)));

    private static readonly string[] SearchParameters =
        ["size", "page", "from", "to", "sort", "op", "after", "outlet", "speaker", "source", "facets", "fuzzy", "collapse", "expand"];

    private static readonly Gen<string> SearchUrl = Gen.Select(QueryText, Gen.Select(Gen.OneOfConst(SearchParameters), Value).Array[0, 4],
        (q, parameters) => "/search?q=" + Uri.EscapeDataString(q) + string.Concat(parameters.Select(p => $"&{p.Item1}={Escape(p.Item2)}")));

    private static readonly Gen<string> ReadUrl = Gen.OneOf(
        SearchUrl,
        Gen.Select(Value, Value, (prefix, size) => $"/suggest?prefix={Escape(prefix)}&size={Escape(size)}"),
        Gen.Select(Gen.OneOfConst("prop-1", "prop-2", "nope", "..%2F..", "%ED%A0%80"), QueryText, (id, q) => $"/articles/{id}?q={Uri.EscapeDataString(q)}"),
        Gen.Select(Gen.OneOfConst("prop-1", "prop-2", "nope"), Value, (id, size) => $"/articles/{id}/similar?size={Escape(size)}"),
        Gen.Const("/health"));

    private static readonly Gen<string> Field = Gen.OneOf(
        Gen.OneOfConst("\"\"", "null", "42", "[]", "{}", "[null]", "\"\\uFFFE\"", "\"\\ud800\"", "\"2022-02-30\"", "\"2022-02-10\"", "[\"Ann Lee\"]",
            "\"" + new string('o', 40_000) + "\"", "\"https://example.com/a\"", "\"/relative/" + new string('r', 33_000) + "\""),
        Gen.Char.Array[0, 60].Select(c => JsonSerializer.Serialize(new string(c))));

    private static readonly Gen<string> Body = Gen.Select(Gen.OneOfConst("text", "html", "title", "outlet", "published", "speakers", "url", "id"), Field)
        .Array[0, 5].Select(fields => "{" + string.Join(',', fields.DistinctBy(f => f.Item1).Select(f => $"\"{f.Item1}\":{f.Item2}")) + "}");

    [Fact]
    public async Task GeneratedRequestsNeverFailAndHealthCountsWhatWasAcknowledged()
    {
        var reader = factory.CreateClient();
        var writer = factory.CreateWriter();
        var baseline = await Count(reader);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var operations = Gen.Frequency(
            (5, ReadUrl.Select(url => new Operation(HttpMethod.Get, url, null))),
            (2, Gen.Select(Gen.Int[1, 20], Body, (n, body) => new Operation(HttpMethod.Put, $"/articles/prop-{n}", body))),
            (1, Body.Select(body => new Operation(HttpMethod.Post, "/articles", body))),
            (1, Gen.Int[1, 20].Select(n => new Operation(HttpMethod.Delete, $"/articles/prop-{n}", null))),
            (1, Body.Array[1, 4].Select(lines => new Operation(HttpMethod.Post, "/articles/bulk", string.Join('\n', lines)))));

        await operations.SampleAsync(async operation =>
        {
            var request = new HttpRequestMessage(operation.Method, new Uri(operation.Url, UriKind.Relative));
            if (operation.Body is not null)
            {
                var type = operation.Url.EndsWith("bulk", StringComparison.Ordinal) ? "application/x-ndjson" : "application/json";
                request.Content = new StringContent(operation.Body, Encoding.UTF8, type);
            }

            var response = await (operation.Method == HttpMethod.Get ? reader : writer).SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"{operation.Method} {operation.Url} gave {status}: {text}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            Track(stored, operation, response.StatusCode, text);
        }, iter: 400, threads: 1);

        var visible = await CountEventually(reader, baseline + stored.Count);
        Assert.Equal(baseline + stored.Count, visible);
    }

    private static void Track(HashSet<string> stored, Operation operation, HttpStatusCode status, string body)
    {
        if (operation.Method == HttpMethod.Delete && status == HttpStatusCode.NoContent)
        {
            stored.Remove(operation.Url["/articles/".Length..]);
        }
        else if (operation.Method != HttpMethod.Get && operation.Url.EndsWith("bulk", StringComparison.Ordinal))
        {
            foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement))
            {
                if (line.GetProperty("status").GetString() is "created" or "updated")
                {
                    stored.Add(line.GetProperty("id").GetString()!);
                }
            }
        }
        else if (operation.Method != HttpMethod.Get && status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            stored.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
        }
    }

    /// <summary>The count once the background refresh has caught up (writes are visible within a second).</summary>
    private static async Task<int> CountEventually(HttpClient client, int expected)
    {
        var count = await Count(client);
        for (var attempt = 0; attempt < 50 && count != expected; attempt++)
        {
            await Task.Delay(100);
            count = await Count(client);
        }

        return count;
    }

    private static async Task<int> Count(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative))).GetProperty("articles").GetInt32();

    private static string Escape(string value) => value.StartsWith('%') ? value : Uri.EscapeDataString(value);

    private sealed record Operation(HttpMethod Method, string Url, string? Body);
}
