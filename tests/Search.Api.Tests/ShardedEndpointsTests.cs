using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>
/// Search:Shards=4 in one process (#15): the same seeds answer every search as one index does, writes go to their
/// shard and are searchable, and /health reports the shards.
/// </summary>
public sealed class ShardedEndpointsTests(ShardedServers servers) : IClassFixture<ShardedServers>
{
    private readonly HttpClient _single = servers.OneIndex.CreateClient();
    private readonly HttpClient _sharded = servers.Sharded.CreateClient();

    public static TheoryData<string> Queries => new()
    {
        "/search?q=",
        "/search?q=president",
        "/search?q=%22white%20house%22",
        "/search?q=ukraine%20OR%20russia&sort=newest",
        "/search?q=war&sort=oldest&size=3&page=2",
        "/search?q=trump&op=or&size=5",
        "/search?q=biden&outlet=CNN",
        "/search?q=elect*",
        "/search?q=government&size=4&collapse=story",
        "/search?q=war&histogram=month",
        "/search?q=&histogram=auto&from=2020-06-01&outlet=CNN",
        "/search?q=president&histogram=week&sort=newest",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task FourShardsAnswerAsOneIndex(string url)
    {
        var expected = await _single.GetOkJsonAsync(url);
        var actual = await _sharded.GetOkJsonAsync(url);
        Assert.Equal(expected.GetProperty("total").GetInt32(), actual.GetProperty("total").GetInt32());
        Assert.Equal(Ids(expected), Ids(actual));
        foreach (var (e, a) in expected.GetProperty("hits").EnumerateArray().Zip(actual.GetProperty("hits").EnumerateArray()))
        {
            Assert.True(Math.Abs(e.GetProperty("score").GetDouble() - a.GetProperty("score").GetDouble()) <= 1e-4, url);
            Assert.Equal(e.GetProperty("snippet").GetString(), a.GetProperty("snippet").GetString());
        }

        Assert.Equal(expected.GetProperty("facets").GetRawText(), actual.GetProperty("facets").GetRawText());
        Assert.Equal(Optional(expected, "histogram"), Optional(actual, "histogram"));
        Assert.Equal(Optional(expected, "histogramInterval"), Optional(actual, "histogramInterval"));
        Assert.Equal(expected.TryGetProperty("after", out var e1) && e1.ValueKind == JsonValueKind.String,
            actual.TryGetProperty("after", out var a1) && a1.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task CursorWalkOverShardsVisitsTheSameHitsAsOneIndex()
    {
        Assert.Equal(await Walk(_single, "q=the&size=7&facets=false"), await Walk(_sharded, "q=the&size=7&facets=false"));
    }

    [Fact]
    public async Task HealthReportsShardsSilosAndArticles()
    {
        var single = await _single.GetOkJsonAsync("/health");
        var sharded = await _sharded.GetOkJsonAsync("/health");
        Assert.Equal(1, single.GetProperty("shards").GetInt32());
        Assert.Equal(4, sharded.GetProperty("shards").GetInt32());
        Assert.Equal(1, sharded.GetProperty("silos").GetInt32());
        Assert.True(sharded.GetProperty("articles").GetInt32() > 0);
        Assert.True(Directory.Exists(Path.Combine(servers.Sharded.IndexPath, "shard-03")));
    }

    [Fact]
    public async Task SimilarSuggestAndDidYouMeanWorkAcrossShards()
    {
        var first = Ids(await _single.GetOkJsonAsync("/search?q=president&size=1"))[0];
        var similar = await _sharded.GetOkJsonAsync($"/articles/{Uri.EscapeDataString(first)}/similar?size=5");
        Assert.NotEmpty(similar.EnumerateArray());
        Assert.DoesNotContain(first, similar.EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        var expected = await _single.GetOkJsonAsync("/suggest?prefix=pre&size=5");
        var actual = await _sharded.GetOkJsonAsync("/suggest?prefix=pre&size=5");
        Assert.Equal(expected.GetRawText(), actual.GetRawText());
        var typo = await _sharded.GetOkJsonAsync("/search?q=presidnet");
        Assert.Equal("president", typo.GetProperty("suggestion").GetString());
    }

    [Theory]
    [InlineData("/search?q=&terms=significant&outlet=CNN&facets=false")]
    [InlineData("/search?q=president&terms=significant&facets=false")]
    [InlineData("/search?q=war&terms=significant&sort=newest&facets=false")]
    public async Task SignificantTermsOnShardsMatchOneIndex(string url)
    {
        var expected = await _single.GetOkJsonAsync(url);
        var actual = await _sharded.GetOkJsonAsync(url);
        var one = Terms(expected);
        var four = Terms(actual);
        if (expected.GetProperty("total").GetInt32() <= 100)
        {
            // The sample is every match: nothing can differ.
            Assert.Equal(expected.GetProperty("significantTerms").GetRawText(), actual.GetProperty("significantTerms").GetRawText());
        }
        else
        {
            // Matches tied at the sample's cut may be sampled differently (docs/scale-out.md): most terms stay.
            Assert.True(one.Intersect(four).Count() >= 0.75 * one.Count, $"[{string.Join(", ", one)}] vs [{string.Join(", ", four)}]");
        }
    }

    [Fact]
    public async Task QuotesOnShardsAnswerAsOneIndex()
    {
        var all = await _single.GetOkJsonAsync("/quotes?q=&size=20");
        Assert.True(all.GetProperty("total").GetInt32() > 0);
        // Queries made of words the seeds' quotes hold (the longest word of some quotes), alone, ORed, sorted and paged.
        var words = all.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("text").GetString()!.Split(' ').Select(w => new string([.. w.Where(char.IsLetter)])).MaxBy(w => w.Length)!)
            .Where(w => w.Length > 3).Distinct().Take(4).ToList();
        Assert.NotEmpty(words);
        var outlet = all.GetProperty("facets").GetProperty("outlet").EnumerateArray().First().GetProperty("value").GetString()!;
        var urls = new List<string> { "/quotes?q=&size=20", "/quotes?q=&sort=oldest&page=3&size=4", "/quotes?q=&outlet=" + Uri.EscapeDataString(outlet) };
        urls.AddRange(words.Select(w => "/quotes?q=" + w));
        urls.Add("/quotes?q=" + Uri.EscapeDataString(string.Join(" OR ", words)) + "&size=3&page=2");
        urls.Add("/quotes?q=" + Uri.EscapeDataString(string.Join(" OR ", words)) + "&sort=newest&size=5");
        foreach (var url in urls)
        {
            Assert.Equal((await _single.GetOkJsonAsync(url)).GetRawText(), (await _sharded.GetOkJsonAsync(url)).GetRawText());
        }
    }

    [Fact]
    public async Task SpeakerPagesOnShardsAnswerAsOneIndex()
    {
        var speakers = (await _single.GetOkJsonAsync("/quotes?q=")).GetProperty("facets").GetProperty("speaker").EnumerateArray()
            .Select(v => v.GetProperty("value").GetString()!).Take(4).ToList();
        Assert.NotEmpty(speakers);
        foreach (var speaker in speakers)
        {
            var url = "/speakers/" + Uri.EscapeDataString(speaker);
            Assert.Equal((await _single.GetOkJsonAsync(url)).GetRawText(), (await _sharded.GetOkJsonAsync(url)).GetRawText());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _sharded.GetAsync(new Uri("/speakers/Nobody%20Here%20At%20All", UriKind.Relative))).StatusCode);
    }

    private static List<string> Terms(JsonElement response) =>
        [.. response.GetProperty("significantTerms").EnumerateArray().Select(t => t.GetProperty("term").GetString()!)];

    /// <summary>The raw JSON of an optional property, or null when the response leaves it out.</summary>
    private static string? Optional(JsonElement response, string name) =>
        response.TryGetProperty(name, out var value) ? value.GetRawText() : null;

    private static List<string> Ids(JsonElement response) =>
        [.. response.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!)];

    private static async Task<List<string>> Walk(HttpClient client, string query)
    {
        var ids = new List<string>();
        var response = await client.GetOkJsonAsync("/search?" + query);
        ids.AddRange(Ids(response));
        while (response.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.String)
        {
            response = await client.GetOkJsonAsync("/search?" + query + "&after=" + Uri.EscapeDataString(after.GetString()!));
            ids.AddRange(Ids(response));
        }

        return ids;
    }
}
