using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Export;

namespace Search.Api.Tests;

/// <summary>GET /export (#25) over the sample articles in seeds/.</summary>
public sealed class ExportEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static async Task<string> GetText(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(record);
        return records;
    }

    [Fact]
    public async Task CsvHasAHeaderAndEveryMatchOnceInTheSearchOrder()
    {
        var search = await _client.GetOkJsonAsync("/search?q=&sort=newest&size=100&facets=false");
        var csv = ParseCsv(await GetText(_client, "/export?q=&sort=newest"));
        Assert.Equal(["id", "url", "title", "outlet", "published", "speakers", "sources", "authors", "lang"], csv[0]);
        var ids = csv.Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(search.GetProperty("total").GetInt32(), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(search.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!), ids.Take(search.GetProperty("hits").GetArrayLength()));
        Assert.All(csv.Skip(1), r => Assert.Equal(9, r.Count));
    }

    [Fact]
    public async Task FiltersAndQueryNarrowTheExportLikeSearch()
    {
        var search = await _client.GetOkJsonAsync("/search?q=said&size=100&facets=false");
        var csv = ParseCsv(await GetText(_client, "/export?q=said&fields=id"));
        Assert.Equal(["id"], csv[0]);
        Assert.Equal(search.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!), csv.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task NdjsonHasTheAskedFieldsOnly()
    {
        var lines = (await GetText(_client, "/export?format=ndjson&fields=lang,id,authors")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var row = JsonDocument.Parse(line);
            Assert.Equal(["lang", "id", "authors"], row.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Array, row.RootElement.GetProperty("authors").ValueKind);
        }
    }

    [Fact]
    public async Task GzipIsTheSameDownloadCompressed()
    {
        var plain = await GetText(_client, "/export?format=ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/export?format=ndjson", UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await _client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.Equal(plain, await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData("/export?fields=id,colour", "fields")]
    [InlineData("/export?format=xml", "format")]
    [InlineData("/export?from=yesterday", "from")]
    public async Task BadParametersAreProblemDetails(string url, string parameter)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task MalformedQueryIsABadRequest()
    {
        var response = await _client.GetAsync(new Uri("/export?q=" + Uri.EscapeDataString("\"unclosed"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ExportBeyondTheConcurrencyCapIsRefusedWithRetryAfter()
    {
        var limiter = factory.Services.GetRequiredService<ExportLimiter>();
        var held = new List<IDisposable>();
        while (limiter.TryEnter() is { } slot)
        {
            held.Add(slot);
        }

        try
        {
            var response = await _client.GetAsync(new Uri("/export", UriKind.Relative));
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            held.ForEach(slot => slot.Dispose());
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri("/export?fields=id", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RowCapCutsTheExportAndSaysSo()
    {
        using var fresh = new SearchApiFactory();
        using var capped = fresh.WithWebHostBuilder(builder => builder.UseSetting("Search:MaxExportRows", "2"));
        var response = await capped.CreateClient().GetAsync(new Uri("/export?fields=id", UriKind.Relative));
        Assert.Equal("true", response.Headers.GetValues("X-Export-Truncated").Single());
        Assert.True(int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture) > 2);
        Assert.Equal(3, ParseCsv(await response.Content.ReadAsStringAsync()).Count);
    }

    [Fact]
    public async Task FourShardsExportTheSameRowsAsOneIndex()
    {
        using var sharded = new SearchApiFactory { Shards = 4 };
        var client = sharded.CreateClient();
        foreach (var url in new[] { "/export?q=", "/export?q=said&sort=relevance", "/export?sort=oldest&format=ndjson" })
        {
            Assert.Equal(await GetText(_client, url), await GetText(client, url));
        }
    }

    [Fact]
    public async Task OpenApiDescribesExport()
    {
        var document = await _client.GetOkJsonAsync("/openapi/v1.json");
        var export = document.GetProperty("paths").GetProperty("/export").GetProperty("get");
        var names = export.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("format", names);
        Assert.Contains("fields", names);
        Assert.Contains("author", names);
    }
}
