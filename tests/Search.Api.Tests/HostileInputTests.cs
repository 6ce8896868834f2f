using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Each request of #13 that used to end in a 500 (or in the wrong 4xx), answered properly.</summary>
public sealed class HostileInputTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Theory]
    [InlineData("published:[2022-02-01 TO *]")]
    [InlineData("published:[* TO 2022-02-01]")]
    public async Task OpenEndedDateRangeIsASearch(string query) =>
        await factory.CreateClient().GetOkJsonAsync("/search?q=" + Uri.EscapeDataString(query));

    [Theory]
    [InlineData("body:[* TO *]")]
    [InlineData("*")]
    [InlineData("a*")]
    [InlineData("/.*/")]
    public async Task UnboundedQueryFormsAreRefusedWithProblemDetails(string query) =>
        await AssertProblem(await factory.CreateClient().GetAsync(Relative("/search?q=" + Uri.EscapeDataString(query))), 400);

    [Fact]
    public async Task CursorWithoutItsSortFieldIsABadParameter() =>
        await AssertProblem(await factory.CreateClient().GetAsync(Relative("/search?after=eyJJZCI6IngifQ")), 400);

    [Fact]
    public async Task MatchInsideALongRunWithoutSpacesHasASnippet()
    {
        var line = "https://example.com/" + new string('a', 30) + "/needle/" + new string('b', 250);
        await Post(new { id = "long-run", text = "Title of the page\nFirst paragraph of text.\n" + line + "\nLast words here." });
        var body = await factory.CreateClient().GetOkJsonAsync("/search?q=needle");
        Assert.Contains("<mark>needle</mark>", body.GetProperty("hits")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChineseArticleWithALongParagraphIsFoundAndMarked()
    {
        var paragraph = string.Concat(Enumerable.Repeat("今天天气很好，我们一起去公园散步。", 30)) + "北京冬奥会开幕式在国家体育场举行。"
            + string.Concat(Enumerable.Repeat("经济发展稳中向好，市场信心持续增强。", 30));
        await Post(new { id = "zh-1", title = "冬奥会开幕", text = paragraph });
        var body = await factory.CreateClient().GetOkJsonAsync("/search?q=" + Uri.EscapeDataString("北京"));
        var hit = body.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "zh-1");
        Assert.Contains("<mark>北京</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outlet")]
    [InlineData("title")]
    public async Task ValueOverLuceneTermLimitIsRefusedBeforeItIsLogged(string field)
    {
        var article = new Dictionary<string, object> { ["id"] = "huge-" + field, ["text"] = "Some words of text.", [field] = new string('o', 40_000) };
        var response = await factory.CreateWriter().PostAsJsonAsync(Relative("/articles"), article);
        await AssertProblem(response, 400);
        Assert.DoesNotContain("huge-" + field, await ReadShared(factory.IndexPath + ".wal"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(Relative("/articles/huge-" + field))).StatusCode);
    }

    [Fact]
    public async Task NoncharactersAndLoneSurrogatesNeverCause500()
    {
        const string Json = "{\"id\":\"nonchar\",\"text\":\"Body \\uFFFE text \\uFFFF here and there.\",\"title\":\"T\\uFFFEitle\","
            + "\"outlet\":\"Out\\uFFFFlet\",\"speakers\":[\"Spea\\uFFFEker\"]}";
        var writer = factory.CreateWriter();
        var response = await writer.PostAsync(Relative("/articles?refresh=wait"), new StringContent(Json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // A lone surrogate escape is not a string System.Text.Json will make: a 400, never a 500.
        var lone = await writer.PostAsync(Relative("/articles"), new StringContent("{\"text\":\"lone \\ud800 surrogate\",\"title\":\"\\udc00\"}", Encoding.UTF8, "application/json"));
        await AssertProblem(lone, 400);
        var client = factory.CreateClient();
        foreach (var url in new[] { "/suggest?prefix=%EF%BF%BE", "/suggest?prefix=%EF%BF%BF", "/suggest?prefix=%ED%A0%80", "/suggest?prefix=t", "/suggest?prefix=spea",
            "/search?q=%EF%BF%BE", "/search?q=%ED%A0%80", "/articles/nonchar" })
        {
            await client.GetOkJsonAsync(url);
        }
    }

    [Fact]
    public async Task NullSpeakerIsABadField() =>
        await AssertProblem(await factory.CreateWriter().PostAsync(Relative("/articles"),
            new StringContent("{\"text\":\"hello world it is\",\"speakers\":[null]}", Encoding.UTF8, "application/json")), 400);

    [Fact]
    public async Task BulkLineWithNullSpeakerIsReportedAndTheOthersAreStoredAndReported()
    {
        var lines = string.Join('\n',
            "{\"id\":\"bulk-null-1\",\"text\":\"First good article text.\"}",
            "{\"id\":\"bulk-null-2\",\"text\":\"Second good article text.\"}",
            "{\"id\":\"bulk-null-3\",\"text\":\"hello world it is\",\"speakers\":[null]}",
            "{\"id\":\"bulk-null-4\",\"text\":\"Fourth good article text.\"}");
        var response = await factory.CreateWriter().PostAsync(Relative("/articles/bulk?refresh=wait"), new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["created", "created", "error", "created"], results.Select(r => r.GetProperty("status").GetString()));
        foreach (var id in new[] { "bulk-null-1", "bulk-null-2", "bulk-null-4" })
        {
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(Relative("/articles/" + id))).StatusCode);
        }
    }

    [Theory]
    [InlineData("POST", "/articles")]
    [InlineData("PUT", "/articles/x1")]
    [InlineData("POST", "/articles/bulk")]
    public async Task AnonymousMalformedBodyGets401NotA400(string method, string path)
    {
        var type = path.EndsWith("bulk", StringComparison.Ordinal) ? "application/x-ndjson" : "application/json";
        var request = new HttpRequestMessage(new HttpMethod(method), Relative(path)) { Content = new StringContent("{not json", Encoding.UTF8, type) };
        await AssertProblem(await factory.CreateClient().SendAsync(request), 401);
    }

    [Fact]
    public async Task WriteBodyOverTheLimitIs413ProblemDetails()
    {
        var body = new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]) { Headers = { { "Content-Type", "application/json" } } };
        await AssertProblem(await factory.CreateWriter().PostAsync(Relative("/articles"), body), 413);
    }

    private async Task Post(object article)
    {
        var response = await factory.CreateWriter().PostAsJsonAsync(Relative("/articles?refresh=wait"), article);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task AssertProblem(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
    }

    private static async Task<string> ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static Uri Relative(string url) => new(url, UriKind.Relative);
}
