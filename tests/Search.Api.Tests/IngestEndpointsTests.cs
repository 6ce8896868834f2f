using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>POST/PUT/DELETE /articles, bulk loads and backups, on a temporary index.</summary>
public sealed class IngestEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _reader = factory.CreateClient();
    private readonly HttpClient _writer = factory.CreateWriter();

    private static readonly string Page =
        "Menu\n\nHarbour Bridge Reopens After Repairs\n\n"
        + "The harbour bridge reopened on Tuesday after eight months of repairs, the city council said in a statement.\n\n"
        + "\u201cTraffic will flow freely again by the weekend,\u201d said Marta Kowalski, the council's transport chief.\n\n"
        + "Leave a Reply\n\nSomeone says:\nCommenters talk about zeppelins here.";

    private async Task<int> Total(string query) =>
        (await _reader.GetFromJsonAsync<JsonElement>(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative))).GetProperty("total").GetInt32();

    [Fact]
    public async Task WritesWithoutTheKeyAre401ProblemDetails()
    {
        var anonymous = await _reader.PostAsJsonAsync(new Uri("/articles", UriKind.Relative), new { text = Page });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        using var wrongKey = new HttpRequestMessage(HttpMethod.Delete, new Uri("/articles/000_b47d42f4ed4b34cc", UriKind.Relative));
        wrongKey.Headers.Add("X-Api-Key", "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _reader.SendAsync(wrongKey)).StatusCode);
    }

    [Fact]
    public async Task PostedArticleIsExtractedStoredAndSearchableAtOnceWithRefreshWait()
    {
        var response = await _writer.PostAsJsonAsync(new Uri("/articles?refresh=wait", UriKind.Relative),
            new { text = Page, url = "https://news.example.com/bridge", published = "2024-05-07" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = article.GetProperty("id").GetString()!;
        Assert.Equal($"/articles/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Harbour Bridge Reopens After Repairs", article.GetProperty("title").GetString());
        Assert.Equal("2024-05-07", article.GetProperty("published").GetString());

        Assert.Equal(1, await Total("\"harbour bridge reopened\""));
        // The comment section was not indexed.
        Assert.Equal(0, await Total("zeppelins"));

        // Posting the same URL again updates rather than duplicates.
        var again = await _writer.PostAsJsonAsync(new Uri("/articles?refresh=wait", UriKind.Relative),
            new { text = Page.Replace("eight months", "nine months", StringComparison.Ordinal), url = "https://news.example.com/bridge" });
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(1, await Total("\"nine months\""));
        Assert.Equal(0, await Total("\"eight months\""));
    }

    [Fact]
    public async Task RepeatedSearchIsServedFromTheCacheUntilAWriteBecomesVisible()
    {
        var url = new Uri("/search?q=" + Uri.EscapeDataString("lighthouse keepers"), UriKind.Relative);
        var first = await _reader.GetFromJsonAsync<JsonElement>(url);
        var second = await _reader.GetFromJsonAsync<JsonElement>(url);
        Assert.False(first.TryGetProperty("cached", out _));
        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());

        var created = await _writer.PutAsJsonAsync(new Uri("/articles/cache-test-1?refresh=wait", UriKind.Relative),
            new { text = "Coast Report\n\nThe last lighthouse keepers of the coast retired this winter after forty years." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var after = await _reader.GetFromJsonAsync<JsonElement>(url);
        Assert.False(after.TryGetProperty("cached", out _));
        Assert.Equal(first.GetProperty("total").GetInt32() + 1, after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PutCreatesThenReplacesAndDeleteRemoves()
    {
        var uri = new Uri("/articles/put-test-1?refresh=wait", UriKind.Relative);
        var created = await _writer.PutAsJsonAsync(uri, new { text = "Island Census Results\n\nRangers counted more quokkas than ever on the island this spring season." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var replaced = await _writer.PutAsJsonAsync(uri, new { text = "Island Census Results\n\nRangers counted fewer wombats than ever on the island this spring season." });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(0, await Total("quokkas"));
        Assert.Equal(1, await Total("wombats"));

        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync(uri)).StatusCode);
        Assert.Equal(0, await Total("wombats"));
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync(new Uri("/articles/put-test-1", UriKind.Relative))).StatusCode);
        var again = await _writer.DeleteAsync(uri);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostedHtmlPageIsExtractedFromItsMarkup()
    {
        const string html = """
            <html><head><title>Tide Gauge Upgrade | Coastal Daily</title><meta property="og:site_name" content="Coastal Daily"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Tide Gauge Upgrade Finished</h1>
            <p>Engineers finished upgrading the harbour tide gauge on Monday, the port authority said.</p>
            <p>The new gauge reports sea level every minute instead of every hour.</p></article>
            <aside>Trending: narwhal sightings</aside></body></html>
            """;
        var response = await _writer.PostAsJsonAsync(new Uri("/articles?refresh=wait", UriKind.Relative), new { html, id = "html-1" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tide Gauge Upgrade Finished", article.GetProperty("title").GetString());
        Assert.DoesNotContain("<p>", article.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await Total("\"tide gauge\" AND minute"));
        Assert.Equal(0, await Total("narwhal"));
    }

    [Theory]
    [InlineData("""{"id":"../../etc/passwd","text":"Some text that is long enough to be an article body here."}""", "id")]
    [InlineData("""{"id":"ok-id"}""", "text")]
    [InlineData("""{"text":"Body text long enough to be an article.","published":"07/05/2024"}""", "published")]
    [InlineData("""{"text": 42}""", "")]
    [InlineData("""not json""", "")]
    [InlineData("", "")]
    public async Task BadArticlesAre400ProblemDetails(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _writer.PostAsync(new Uri("/articles", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        if (field.Length > 0)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task BulkLoadReportsEveryLineAndABadLineDoesNotSinkTheOthers()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            lines.Append(JsonSerializer.Serialize(new { id = $"bulk-{i}", text = $"Bulk Story {i}\n\nThe platypus census number {i} found many animals along the river banks this year." })).Append('\n');
        }

        lines.Insert(0, "{broken json\n");
        lines.Append("{\"id\":\"bad id with spaces\",\"text\":\"x\"}\n");
        using var content = new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson");
        var response = await _writer.PostAsync(new Uri("/articles/bulk?refresh=wait", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<JsonElement>(l))
            .ToList();
        Assert.Equal(32, results.Count);
        Assert.Equal(Enumerable.Range(1, 32), results.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal("error", results[0].GetProperty("status").GetString());
        Assert.Equal("error", results[^1].GetProperty("status").GetString());
        Assert.Equal(30, results.Count(r => r.GetProperty("status").GetString() == "created"));
        Assert.Equal(30, await Total("platypus"));
    }

    [Fact]
    public async Task BulkLoadStagesARepeatedIdInInputOrderSoTheLastVersionWins()
    {
        // Lines are extracted in parallel; staging still follows the input, so the first is created, the second
        // updates it, and the stored text is the second one's.
        var lines = new StringBuilder();
        foreach (var word in new[] { "wombat", "numbat" })
        {
            lines.Append(JsonSerializer.Serialize(new { id = "bulk-twice", text = $"Twice Told Story\n\nThe {word} survey counted animals along the river banks this year." })).Append('\n');
        }

        using var content = new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson");
        var response = await _writer.PostAsync(new Uri("/articles/bulk?refresh=wait", UriKind.Relative), content);
        var statuses = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<JsonElement>(l).GetProperty("status").GetString());
        Assert.Equal(["created", "updated"], statuses);
        Assert.Equal(0, await Total("wombat"));
        Assert.Equal(1, await Total("numbat"));
    }

    [Fact]
    public async Task BackupCopiesAConsistentSnapshot()
    {
        var response = await _writer.PostAsync(new Uri("/admin/backup?name=snap1", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var backup = await response.Content.ReadFromJsonAsync<JsonElement>();
        var path = backup.GetProperty("path").GetString()!;
        Assert.True(Directory.Exists(path));
        Assert.True(Search.Core.Indexing.IndexBuilder.IndexExists(path));
        Assert.True(backup.GetProperty("files").GetInt32() > 0);

        var duplicate = await _writer.PostAsync(new Uri("/admin/backup?name=snap1", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
    }
}
