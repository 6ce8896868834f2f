using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>GET /search over the sample articles in seeds/.</summary>
public sealed class SearchEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<JsonElement> GetJson(string url) => _client.GetOkJsonAsync(url);

    private static List<string> Ids(JsonElement response) =>
        response.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();

    private static Dictionary<string, int> Facet(JsonElement response, string name) =>
        response.GetProperty("facets").GetProperty(name).EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());

    [Fact]
    public async Task PhraseQueryReturnsTheMeetingReportFirstWithMarkedSnippet()
    {
        var response = await GetJson("/search?q=%22NATO%20expansion%22");
        var first = response.GetProperty("hits")[0];
        Assert.StartsWith("Putin Visits Xi Jinping", first.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("2022-02-05", first.GetProperty("published").GetString());
        Assert.Contains("<mark>NATO expansion</mark>", first.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        foreach (var field in new[] { "query", "total", "page", "size", "tookMs", "hits", "facets" })
        {
            Assert.True(response.TryGetProperty(field, out _), field);
        }

        foreach (var field in new[] { "id", "title", "url", "outlet", "speakers", "published", "score", "snippet" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task SloppyPhraseFindsWhatTheExactPhraseMisses()
    {
        var exact = await GetJson("/search?q=%22launch%20invasion%22");
        Assert.Equal(0, exact.GetProperty("total").GetInt32());

        var sloppy = await GetJson("/search?q=%22launch%20invasion%22~2");
        Assert.Equal(["000_b47d42f4ed4b34cc", "001_118dbfd80d9146bc"], Ids(sloppy).Order());
    }

    [Fact]
    public async Task OutletFilterNarrowsHitsButNotTheOutletFacet()
    {
        var all = await GetJson("/search?q=Olympics");
        var outlets = Facet(all, "outlet");
        Assert.True(outlets.Count >= 2, "the seeds' Olympics articles come from several outlets");
        var (chosen, count) = outlets.First();

        var filtered = await GetJson($"/search?q=Olympics&outlet={Uri.EscapeDataString(chosen)}");
        Assert.Equal(count, filtered.GetProperty("total").GetInt32());
        Assert.All(filtered.GetProperty("hits").EnumerateArray(), h => Assert.Equal(chosen, h.GetProperty("outlet").GetString()));
        Assert.Equal(outlets, Facet(filtered, "outlet"));
    }

    [Fact]
    public async Task DateRangeFiltersByPublicationDay()
    {
        var february = await GetJson("/search?from=2022-02-01&to=2022-02-28");
        Assert.Equal(["002_8e55c9855134dfb5", "003_4b2cff3ecd599e03"], Ids(february).Order());
        var oneDay = await GetJson("/search?from=2022-03-13&to=2022-03-13");
        Assert.Equal(["004_8352a8b32f8949aa"], Ids(oneDay));
    }

    [Fact]
    public async Task NewestSortOrdersByDate()
    {
        var response = await GetJson("/search?sort=newest&size=5");
        var days = response.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("published").GetString()).ToList();
        Assert.Equal(days.OrderDescending(StringComparer.Ordinal), days);
    }

    [Fact]
    public async Task CursorWalksEveryArticle()
    {
        var seen = new List<string>();
        var url = "/search?size=2";
        for (var i = 0; i < 10; i++)
        {
            var page = await GetJson(url);
            seen.AddRange(Ids(page));
            var after = page.GetProperty("after");
            if (after.ValueKind == JsonValueKind.Null)
            {
                break;
            }

            url = "/search?size=2&after=" + Uri.EscapeDataString(after.GetString()!);
        }

        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(5, seen.Count);
    }

    [Fact]
    public async Task SpeakerFacetOverTheSamplesListsExactlyTheQuotedPeople()
    {
        var response = await GetJson("/search?size=1");
        // Quoted or reported in the samples' own text (Olaf Scholz: "..., saying he would go to Ukraine");
        // commenters, people merely mentioned and outlets are not speakers.
        Assert.Equal(
            new HashSet<string> { "Liu Pengyu", "Hua Chunying", "Vladimir Putin", "John Kirby", "Sergei Lavrov", "Dmytro Kuleba", "Recep Tayyip Erdogan", "Qin Gang", "Jake Sullivan", "Olaf Scholz" },
            Facet(response, "speaker").Keys.ToHashSet());
        Assert.Equal(3, Facet(response, "speaker")["Liu Pengyu"]);
        Assert.Equal(3, Facet(response, "source")["The New York Times"]);
    }

    [Fact]
    public async Task ExpandPrfReordersButKeepsTheSameMatches()
    {
        var plain = await GetJson("/search?q=Olympics%20athletes&op=or&size=100&facets=false");
        var expanded = await GetJson("/search?q=Olympics%20athletes&op=or&size=100&facets=false&expand=prf");
        Assert.Equal(plain.GetProperty("total").GetInt32(), expanded.GetProperty("total").GetInt32());
        Assert.Equal(Ids(plain).Order(), Ids(expanded).Order());
    }

    [Theory]
    [InlineData("%22imported%20product%20from%20China%22")]
    [InlineData("%22Hunter%20B%22")]
    [InlineData("%22Leave%20a%20Reply%22")]
    [InlineData("%22You%20May%20Also%20Like%22")]
    [InlineData("%22Inline%20Feedbacks%22")]
    public async Task CommentSectionsAndPageFurnitureAreNotSearchable(string query)
    {
        var response = await GetJson("/search?q=" + query);
        Assert.Equal(0, response.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/search?q=(AND", "q")]
    [InlineData("/search?q=%22unclosed", "quotation")]
    [InlineData("/search?q=bogus:field", "Unknown field")]
    [InlineData("/search?from=2022-13-01", "yyyy-MM-dd")]
    [InlineData("/search?to=yesterday", "yyyy-MM-dd")]
    [InlineData("/search?size=0", "size")]
    [InlineData("/search?size=101", "size")]
    [InlineData("/search?page=0", "page")]
    [InlineData("/search?page=abc", "page")]
    [InlineData("/search?sort=popular", "sort")]
    [InlineData("/search?after=garbage", "after")]
    [InlineData("/search?q=Olympics&expand=synonyms", "expand")]
    [InlineData("/search?from=2022-03-01&to=2022-02-01", "after")]
    public async Task BadInputGetsAProblemDetails400(string url, string mentioned)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var text = problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString();
        Assert.Contains(mentioned, text, StringComparison.OrdinalIgnoreCase);
    }
}
