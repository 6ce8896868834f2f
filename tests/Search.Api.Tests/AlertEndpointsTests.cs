using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>/alerts on one index.</summary>
public sealed class AlertEndpointsTests(SearchApiFactory factory) : AlertEndpointsContract(factory), IClassFixture<SearchApiFactory>;

/// <summary>/alerts on four shards in one process (#22): every shard's writes are matched, as on one index.</summary>
public sealed class ShardedAlertEndpointsTests(ShardedAlertEndpointsTests.FourShards server)
    : AlertEndpointsContract(server.Factory), IClassFixture<ShardedAlertEndpointsTests.FourShards>
{
    public sealed class FourShards : IDisposable
    {
        public SearchApiFactory Factory { get; } = new() { Shards = 4 };

        public void Dispose() => Factory.Dispose();
    }
}

/// <summary>
/// /alerts on four shard grains of an in-process Orleans silo (#22): the book is the alert grain, each shard grain
/// matches its own writes and records the matches there before it acknowledges them.
/// </summary>
public sealed class ClusterAlertEndpointsTests(ClusterAlertEndpointsTests.ShardGrains server)
    : AlertEndpointsContract(server.Factory), IClassFixture<ClusterAlertEndpointsTests.ShardGrains>
{
    public sealed class ShardGrains : IDisposable
    {
        public SearchApiFactory Factory { get; } = new() { Shards = 4, ClusterMode = "Local" };

        public void Dispose() => Factory.Dispose();
    }
}

/// <summary>/alerts: the contract (201/400/401/404 ProblemDetails), matches with a cursor, and the SSE stream with resume.</summary>
public abstract class AlertEndpointsContract(SearchApiFactory factory)
{
    private static readonly string[] AlpinePost = ["Alpine Post"];
    private readonly HttpClient _reader = factory.CreateClient();
    private readonly HttpClient _writer = factory.CreateWriter();

    private async Task<string> SaveAsync(object alert)
    {
        var response = await _writer.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative), alert);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"/alerts/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    private async Task WriteAsync(string id, string text, string? outlet = null)
    {
        var response = await _writer.PostAsJsonAsync(new Uri("/articles", UriKind.Relative), new { id, text, outlet });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task SavingNeedsTheKeyAndAValidQueryAndUnknownAlertsAre404()
    {
        await AssertProblem(await _reader.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative), new { q = "ukraine", name = "x" }), HttpStatusCode.Unauthorized);
        await AssertProblem(await _writer.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative), new { q = "\"unclosed", name = "x" }), HttpStatusCode.BadRequest);
        await AssertProblem(await _writer.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative), new { q = "nosuchfield:x" }), HttpStatusCode.BadRequest);
        await AssertProblem(await _writer.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative), new { q = "x", webhook = "https://example.com/hook" }), HttpStatusCode.BadRequest);
        using var notJson = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        await AssertProblem(await _writer.PostAsync(new Uri("/alerts", UriKind.Relative), notJson), HttpStatusCode.BadRequest);

        await AssertProblem(await _writer.DeleteAsync(new Uri("/alerts/nosuchalert", UriKind.Relative)), HttpStatusCode.NotFound);
        await AssertProblem(await _reader.GetAsync(new Uri("/alerts/nosuchalert/matches", UriKind.Relative)), HttpStatusCode.NotFound);
        await AssertProblem(await _reader.GetAsync(new Uri("/alerts/nosuchalert/stream", UriKind.Relative)), HttpStatusCode.NotFound);

        var id = await SaveAsync(new { q = "lighthouse", name = "Lighthouses" });
        await AssertProblem(await _reader.DeleteAsync(new Uri($"/alerts/{id}", UriKind.Relative)), HttpStatusCode.Unauthorized);
        await AssertProblem(await _reader.GetAsync(new Uri($"/alerts/{id}/matches?after=abc", UriKind.Relative)), HttpStatusCode.BadRequest);
        var listed = await _reader.GetOkJsonAsync("/alerts");
        var alert = listed.EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("Lighthouses", alert.GetProperty("name").GetString());
        Assert.Equal("lighthouse", alert.GetProperty("q").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync(new Uri($"/alerts/{id}", UriKind.Relative))).StatusCode);
        await AssertProblem(await _reader.GetAsync(new Uri($"/alerts/{id}/matches", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await _reader.GetOkJsonAsync("/alerts")).EnumerateArray(), a => a.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task NewMatchingArticlesArePagedInOrderWithACursorAndFiltersApply()
    {
        var all = await SaveAsync(new { q = "\"glacier retreat\"", name = "Glaciers" });
        var filtered = await SaveAsync(new { q = "glacier", outlet = AlpinePost, name = "Alpine glaciers" });
        await WriteAsync("gl-1", "Glacier Retreat Speeds Up\n\nThe glacier retreat measured this summer was the fastest on record.", "Alpine Post");
        await WriteAsync("gl-2", "Unrelated\n\nA story about harbour cranes and nothing else.", "Alpine Post");
        await WriteAsync("gl-3", "Glaciers\n\nScientists said glacier retreat continues in the Andes.", "Andes Daily");

        var first = await _reader.GetOkJsonAsync($"/alerts/{all}/matches?size=1");
        Assert.Equal(["gl-1"], first.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var next = first.GetProperty("next").GetString();
        var second = await _reader.GetOkJsonAsync($"/alerts/{all}/matches?after={next}");
        Assert.Equal(["gl-3"], second.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var end = await _reader.GetOkJsonAsync($"/alerts/{all}/matches?after={second.GetProperty("next").GetString()}");
        Assert.Empty(end.GetProperty("matches").EnumerateArray());

        var alpine = await _reader.GetOkJsonAsync($"/alerts/{filtered}/matches");
        Assert.Equal(["gl-1"], alpine.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var listed = (await _reader.GetOkJsonAsync("/alerts")).EnumerateArray().Single(a => a.GetProperty("id").GetString() == all);
        Assert.Equal(2, listed.GetProperty("matches").GetInt32());
    }

    [Fact]
    public async Task StreamPushesMatchesLiveAndResumesAfterLastEventId()
    {
        var id = await SaveAsync(new { q = "aurora", name = "Auroras" });
        await WriteAsync("au-1", "Aurora Seen\n\nAn aurora lit the northern sky on Monday.");
        await WriteAsync("au-2", "Aurora Again\n\nThe aurora returned on Tuesday night.");

        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        string resumeFrom;
        using (var stream = await SseReader.OpenAsync(client, $"/alerts/{id}/stream", lastEventId: null))
        {
            var one = await stream.NextAsync();
            var two = await stream.NextAsync();
            Assert.Equal("au-1", one.ArticleId);
            Assert.Equal("au-2", two.ArticleId);
            resumeFrom = one.Id;
        }

        using var resumed = await SseReader.OpenAsync(client, $"/alerts/{id}/stream", resumeFrom);
        Assert.Equal("au-2", (await resumed.NextAsync()).ArticleId);
        // A match made while the stream is open arrives on it.
        await WriteAsync("au-3", "Aurora Forecast\n\nAnother aurora is expected this week.");
        Assert.Equal("au-3", (await resumed.NextAsync()).ArticleId);
    }
}
