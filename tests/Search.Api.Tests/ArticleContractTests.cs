using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Search.Core.Articles;
using Search.Shared;

namespace Search.Api.Tests;

/// <summary>
/// One article JSON contract: the same object, as a line of a JSON Lines file the index is built from (the indexer's
/// path), as the body of POST /articles and as a line of POST /articles/bulk, is stored as the same article, with
/// the canonical names and with the aliases; a bad object fails with the same message on all three.
/// </summary>
public sealed class ArticleContractTests : IDisposable
{
    private const string Page = """
        Harbour Tide Gauge Upgrade Finished

        Engineers finished upgrading the harbour tide gauge on Monday, according to Reuters.
        "The gauge now reports sea level every minute instead of every hour," said Ann Lee, the port's chief engineer.
        Lee said the old gauge had worked since 1962.
        """;

    // Canonical names; the aliases (and other letter case); nothing but text; HTML. Ids are added per path.
    private static readonly string[] Objects =
    [
        """{"text":PAGE,"url":"https://news.example.com/gauge","title":"Gauge Upgrade","outlet":"Coastal Daily","published":"2024-05-07","speakers":["Ann Lee","Bo Chen"],"sources":["Reuters"]}""",
        """{"body":PAGE,"URL":"https://news.example.com/gauge-2","Title":"Gauge Upgrade","outlet":"Coastal Daily","date":"May 7, 2024","source":"Associated Press","topic":"ports"}""",
        """{"body":PAGE,"date":"2024-05-07T23:30:00-05:00"}""",
        """{"html":"<html><head><title>Tide Gauge | Coastal Daily</title></head><body><article><h1>Tide Gauge Upgrade</h1><p>Engineers finished the gauge on Monday, the port authority said.</p></article></body></html>"}""",
    ];

    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "contract-seeds-" + Guid.NewGuid().ToString("N"));
    private readonly SearchApiFactory _factory;
    private readonly HttpClient _writer;

    public ArticleContractTests()
    {
        Directory.CreateDirectory(_seeds);
        File.WriteAllLines(Path.Combine(_seeds, "contract.jsonl"), Objects.Select((o, i) => WithId(o, $"jsonl-{i}")));
        _factory = new SearchApiFactory { Seeds = _seeds };
        _writer = _factory.CreateWriter();
    }

    [Fact]
    public async Task TheSameObjectIsStoredAsTheSameArticleThroughTheIndexerPostAndBulk()
    {
        var bulk = string.Join('\n', Objects.Select((o, i) => WithId(o, $"bulk-{i}")));
        using (var content = new StringContent(bulk, Encoding.UTF8, "application/x-ndjson"))
        {
            var response = await _writer.PostAsync(new Uri("/articles/bulk", UriKind.Relative), content);
            var results = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(results, r => Assert.Contains("\"created\"", r, StringComparison.Ordinal));
        }

        for (var i = 0; i < Objects.Length; i++)
        {
            using var content = new StringContent(WithId(Objects[i], $"post-{i}"), Encoding.UTF8, "application/json");
            var response = await _writer.PostAsync(new Uri("/articles", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        for (var i = 0; i < Objects.Length; i++)
        {
            var indexed = await Stored($"jsonl-{i}");
            Assert.Equal(indexed, await Stored($"post-{i}"));
            Assert.Equal(indexed, await Stored($"bulk-{i}"));
        }

        var canonical = JsonNode.Parse(await Stored("jsonl-0"))!;
        Assert.Equal("2024-05-07", canonical["published"]!.GetValue<string>());
        Assert.Equal(["Ann Lee", "Bo Chen"], canonical["speakers"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["Reuters"], canonical["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
        var aliases = JsonNode.Parse(await Stored("jsonl-1"))!;
        Assert.Equal("2024-05-07", aliases["published"]!.GetValue<string>());
        Assert.Equal("Gauge Upgrade", aliases["title"]!.GetValue<string>());
        Assert.Equal("https://news.example.com/gauge-2", aliases["url"]!.GetValue<string>());
        Assert.Equal(["The Associated Press"], aliases["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains("sea level every minute", aliases["body"]!.GetValue<string>(), StringComparison.Ordinal);
        // A timestamp keeps the day it was written in, whatever its offset.
        Assert.Equal("2024-05-07", JsonNode.Parse(await Stored("jsonl-2"))!["published"]!.GetValue<string>());
        Assert.Equal("Tide Gauge Upgrade", JsonNode.Parse(await Stored("jsonl-3"))!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"id":"bad-1","text":"Enough text for an article body here.","published":"07/05/2024"}""", "published")]
    [InlineData("""{"id":"bad-2","body":"Enough text for an article body here.","date":"someday"}""", "published")]
    [InlineData("""{"id":"bad-3","title":"Only a title"}""", "text")]
    [InlineData("""{"id":"bad 4","text":"Enough text for an article body here."}""", "id")]
    [InlineData("""{"id":"bad-5","body":42}""", "body")]
    [InlineData("""{"id":"bad-6","text":"Enough text for an article body here.","speakers":["Ann Lee",""]}""", "speakers")]
    [InlineData("""{"id":"bad-7","text":"Enough text for an article body here.","source":{"name":"AP"}}""", "source")]
    [InlineData("""{"id":"bad-8","text":"lone \ud800 surrogate"}""", "text")]
    [InlineData("""[{"id":"bad-8"}]""", "json")]
    [InlineData("""{"id":"bad-9",""", "json")]
    public async Task ABadObjectFailsWithTheSameMessageOnEveryPath(string line, string field)
    {
        var indexer = JsonLinesArticleReader.ReadLine("contract.jsonl", line, 1, "contract-1");
        Assert.Null(indexer.Article);
        var message = indexer.Error!["line 1: ".Length..];

        using var body = new StringContent(line, Encoding.UTF8, "application/json");
        var post = await _writer.PostAsync(new Uri("/articles", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var problem = await post.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());

        using var bulkBody = new StringContent(line + "\n", Encoding.UTF8, "application/x-ndjson");
        var bulk = await _writer.PostAsync(new Uri("/articles/bulk", UriKind.Relative), bulkBody);
        var result = JsonSerializer.Deserialize<JsonElement>(await bulk.Content.ReadAsStringAsync());
        Assert.Equal("error", result.GetProperty("status").GetString());
        Assert.Equal(message, result.GetProperty("error").GetString());
    }

    public void Dispose()
    {
        _writer.Dispose();
        _factory.Dispose();
        FolderCleanup.Delete(_seeds);
    }

    private static string WithId(string json, string id)
    {
        var node = JsonNode.Parse(json.Replace("PAGE", JsonSerializer.Serialize(Page), StringComparison.Ordinal))!.AsObject();
        node["id"] = id;
        return node.ToJsonString();
    }

    /// <summary>The stored article as GET /articles/{id} returns it, without its id.</summary>
    private async Task<string> Stored(string id)
    {
        var article = (await _writer.GetFromJsonAsync<JsonObject>(new Uri($"/articles/{id}", UriKind.Relative)))!;
        Assert.Equal(id, article["id"]!.GetValue<string>());
        article.Remove("id");
        return article.ToJsonString();
    }
}
