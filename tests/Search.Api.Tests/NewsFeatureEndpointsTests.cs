using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>The news features over the sample articles in seeds/: timeline, trending terms, quotes and speaker pages.</summary>
public sealed class NewsFeatureEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<JsonElement> GetJson(string url) => _client.GetOkJsonAsync(url);

    private async Task<JsonElement> GetProblem(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task HistogramCountsEveryMatchInDayBucketsWithoutGaps()
    {
        var response = await GetJson("/search?q=&histogram=day&facets=false");
        var buckets = response.GetProperty("histogram").EnumerateArray().ToList();
        Assert.Equal(response.GetProperty("total").GetInt32(), buckets.Sum(b => b.GetProperty("count").GetInt32()));
        var days = buckets.Select(b => DateOnly.Parse(b.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.Equal(pair.First.AddDays(1), pair.Second));
        Assert.Equal("day", response.GetProperty("histogramInterval").GetString());
    }

    [Fact]
    public async Task DateRangeDoesNotNarrowTheHistogram()
    {
        var all = await GetJson("/search?q=&histogram=month");
        var narrowed = await GetJson("/search?q=&histogram=month&from=2022-03-01&to=2022-03-31");
        Assert.True(narrowed.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        Assert.Equal(all.GetProperty("histogram").ToString(), narrowed.GetProperty("histogram").ToString());
    }

    [Fact]
    public async Task AutoHistogramStaysWithinSixtyBuckets()
    {
        var response = await GetJson("/search?q=&histogram=auto");
        Assert.InRange(response.GetProperty("histogram").GetArrayLength(), 1, 60);
    }

    [Theory]
    [InlineData("/search?histogram=fortnight", "histogram")]
    [InlineData("/search?terms=popular", "terms")]
    [InlineData("/quotes?sort=loudest", "sort")]
    [InlineData("/quotes?size=0", "size")]
    [InlineData("/quotes?from=yesterday", "from")]
    public async Task BadParametersAreProblemDetailsNaming(string url, string parameter)
    {
        var problem = await GetProblem(url, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task SignificantTermsListTermsWithCountsAndScores()
    {
        var response = await GetJson("/search?q=china&terms=significant");
        var terms = response.GetProperty("significantTerms").EnumerateArray().ToList();
        Assert.All(terms, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("term").GetString()));
            Assert.True(t.GetProperty("count").GetInt32() > 0);
            Assert.True(t.GetProperty("score").GetDouble() > 0);
            Assert.NotEqual("china", t.GetProperty("term").GetString());
        });
    }

    [Fact]
    public async Task QuoteSearchReturnsEachQuoteWithItsArticleAndMarkedText()
    {
        var response = await GetJson("/quotes?q=olympics");
        Assert.True(response.GetProperty("total").GetInt32() >= 1);
        var hit = response.GetProperty("hits")[0];
        foreach (var field in new[] { "speaker", "text", "articleId", "title", "outlet", "published" })
        {
            Assert.True(hit.TryGetProperty(field, out _), field);
        }

        Assert.Contains("<mark>", hit.GetProperty("text").GetString(), StringComparison.Ordinal);
        foreach (var facet in new[] { "speaker", "outlet", "published" })
        {
            Assert.True(response.GetProperty("facets").TryGetProperty(facet, out _), facet);
        }
    }

    [Fact]
    public async Task QuoteSpeakerFilterKeepsOnlyTheirQuotes()
    {
        var response = await GetJson("/quotes?speaker=Liu%20Pengyu&size=100");
        Assert.True(response.GetProperty("total").GetInt32() > 1);
        Assert.All(response.GetProperty("hits").EnumerateArray(), h => Assert.Equal("Liu Pengyu", h.GetProperty("speaker").GetString()));
    }

    [Fact]
    public async Task SpeakerPageSummarisesTheirQuotes()
    {
        var profile = await GetJson("/speakers/Liu%20Pengyu");
        var quotes = profile.GetProperty("quotes").GetInt32();
        Assert.Equal(quotes, profile.GetProperty("timeline").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(quotes, profile.GetProperty("outlets").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        Assert.InRange(profile.GetProperty("recent").GetArrayLength(), 1, 10);
    }

    [Fact]
    public async Task UnknownSpeakerIsNotFoundProblem()
    {
        var problem = await GetProblem("/speakers/Nobody%20Atall", HttpStatusCode.NotFound);
        Assert.Contains("Nobody Atall", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LimitsListTheServerLimitsAndEveryFacet()
    {
        var limits = await GetJson("/search/limits");
        Assert.Equal(100, limits.GetProperty("maxPageSize").GetInt32());
        Assert.Equal(10_000, limits.GetProperty("maxResultWindow").GetInt32());
        Assert.Equal(["outlet", "speaker", "published", "source", "organization", "author", "lang"], limits.GetProperty("facets").EnumerateArray().Select(f => f.GetString()!));
        Assert.Contains("auto", limits.GetProperty("histogramIntervals").EnumerateArray().Select(f => f.GetString()!));
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheNewEndpointsAndParameters()
    {
        var document = await GetJson("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/quotes", out _) || paths.TryGetProperty("/quotes/", out _));
        Assert.True(paths.TryGetProperty("/speakers/{name}", out _));
        var text = paths.ToString();
        Assert.Contains("\"histogram\"", text, StringComparison.Ordinal);
        Assert.Contains("\"terms\"", text, StringComparison.Ordinal);
    }
}
