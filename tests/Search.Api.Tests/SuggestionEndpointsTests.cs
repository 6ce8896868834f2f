using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>The search helpers over the sample articles: did you mean, autocomplete, similar articles, aliases, story collapsing.</summary>
public sealed class SuggestionEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<JsonElement> GetJson(string url) => _client.GetOkJsonAsync(url);

    [Fact]
    public async Task MisspelledQuerySuggestsTheIndexedWord()
    {
        var response = await GetJson("/search?q=Olympcs");
        Assert.Equal(0, response.GetProperty("total").GetInt32());
        Assert.Equal("olympics", response.GetProperty("suggestion").GetString());
        Assert.False(response.GetProperty("suggestionApplied").GetBoolean());
    }

    [Fact]
    public async Task FuzzyAutoReturnsTheSuggestionsHitsWhenTheQueryFindsNothing()
    {
        var corrected = await GetJson("/search?q=Olympcs&fuzzy=auto");
        var direct = await GetJson("/search?q=olympics");
        Assert.True(corrected.GetProperty("suggestionApplied").GetBoolean());
        Assert.Equal("Olympcs", corrected.GetProperty("query").GetString());
        Assert.Equal(direct.GetProperty("total").GetInt32(), corrected.GetProperty("total").GetInt32());
        Assert.True(corrected.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task CorrectQueryCarriesNoSuggestionFields()
    {
        var response = await GetJson("/search?q=Olympics");
        Assert.False(response.TryGetProperty("suggestion", out _));
        Assert.False(response.TryGetProperty("suggestionApplied", out _));
        Assert.False(response.GetProperty("hits")[0].TryGetProperty("copies", out _));
    }

    [Fact]
    public async Task UnknownFuzzyModeIsAValidationProblem()
    {
        var response = await _client.GetAsync(new Uri("/search?q=x&fuzzy=maybe", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SuggestOffersTheSpeakerForAPrefix()
    {
        var entries = (await GetJson("/suggest?prefix=Liu")).EnumerateArray().ToList();
        var speaker = Assert.Single(entries, e => e.GetProperty("text").GetString() == "Liu Pengyu");
        Assert.Equal("speaker", speaker.GetProperty("kind").GetString());
        Assert.True(speaker.GetProperty("count").GetInt32() >= 2);
    }

    [Fact]
    public async Task SuggestSizeIsValidated()
    {
        var response = await _client.GetAsync(new Uri("/suggest?prefix=a&size=0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await GetJson("/suggest?prefix=")).EnumerateArray());
    }

    [Fact]
    public async Task SimilarArticlesExcludeTheArticleAndHaveTheShapeOfSearchHits()
    {
        var hits = (await GetJson("/articles/000_b47d42f4ed4b34cc/similar?size=3")).EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.True(hits.Count <= 3);
        Assert.DoesNotContain(hits, h => h.GetProperty("id").GetString() == "000_b47d42f4ed4b34cc");
        foreach (var field in new[] { "id", "title", "url", "outlet", "speakers", "published", "score", "snippet" })
        {
            Assert.True(hits[0].TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task SimilarToAnUnknownArticleIsA404()
    {
        var response = await _client.GetAsync(new Uri("/articles/no-such-id/similar", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DefaultAliasFileExpandsAnAbbreviation()
    {
        var response = await GetJson("/search?q=NYT");
        // Quoted, the abbreviation is searched as typed: the seeds never write it.
        Assert.Equal(0, (await GetJson("/search?q=%22NYT%22")).GetProperty("total").GetInt32());
        Assert.Equal("NYT", response.GetProperty("query").GetString());
        Assert.True(response.GetProperty("total").GetInt32() > 0);
        Assert.Contains("New York Times</mark>", response.GetProperty("hits")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollapseByStoryAddsCopiesAndStoryOutlets()
    {
        var response = await GetJson("/search?q=Olympics&collapse=story");
        Assert.True(response.GetProperty("stories").GetInt32() <= response.GetProperty("total").GetInt32());
        foreach (var hit in response.GetProperty("hits").EnumerateArray())
        {
            Assert.True(hit.GetProperty("copies").GetInt32() >= 1);
            Assert.True(hit.GetProperty("storyOutlets").ValueKind == JsonValueKind.Array);
        }
    }

    [Fact]
    public async Task CollapseByStoryRefusesTheAfterCursor()
    {
        var response = await _client.GetAsync(new Uri("/search?q=Olympics&collapse=story&after=abc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RepostedWireStoryCollapsesIntoOneHitWithBothOutlets()
    {
        const string Wire = "Lighthouse Keepers Return To Remote Island\n\n"
            + "After a decade of automation, the maritime agency said on Thursday that two keepers would again live on the remote island lighthouse through the winter months. "
            + "The agency said the keepers would maintain the lamp, record the weather every three hours and help coastguard crews during storms that cut the island off for weeks. "
            + "Fishermen in the harbour town welcomed the decision, saying the empty tower had become a symbol of how the coast had been left behind.";
        const string Repost = "Menu | Local | Weather | Sports\nSign up for our newsletter\n\n"
            + "Lighthouse Keepers Go Back To Remote Island\n\n"
            + "After a decade of automation, the maritime agency said on Thursday that two keepers would once again live on the remote island lighthouse through the winter months. "
            + "The agency said the keepers would maintain the lamp, record the weather every three hours and assist coastguard crews during storms that cut the island off for weeks. "
            + "Fishermen in the harbour town welcomed the decision, saying the empty tower had become a symbol of how the coast had been left behind.\n"
            + "Share this article\nCopyright 2024 Harbour Herald";
        using var writer = factory.CreateWriter();
        foreach (var (id, text, outlet) in new[] { ("wire-1", Wire, "Coast Wire"), ("repost-1", Repost, "Harbour Herald") })
        {
            var posted = await writer.PutAsJsonAsync(new Uri($"/articles/{id}?refresh=wait", UriKind.Relative), new { text, outlet });
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }

        var plain = await GetJson("/search?q=lighthouse%20keepers");
        Assert.Equal(2, plain.GetProperty("hits").GetArrayLength());

        var collapsed = await GetJson("/search?q=lighthouse%20keepers&collapse=story");
        var hit = Assert.Single(collapsed.GetProperty("hits").EnumerateArray());
        Assert.Equal(2, hit.GetProperty("copies").GetInt32());
        Assert.Equal(["Coast Wire", "Harbour Herald"], hit.GetProperty("storyOutlets").EnumerateArray().Select(o => o.GetString()).Order());
        Assert.Equal(2, collapsed.GetProperty("total").GetInt32());
        Assert.Equal(1, collapsed.GetProperty("stories").GetInt32());
    }

    [Fact]
    public async Task OpenApiDescribesTheHelpers()
    {
        var document = await GetJson("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.Contains("Autocomplete", paths.GetProperty("/suggest").GetProperty("get").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(paths.TryGetProperty("/articles/{id}/similar", out _));
        var parameters = paths.GetProperty("/search").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("fuzzy", parameters);
        Assert.Contains("collapse", parameters);
        Assert.Contains("expand", parameters);
    }
}
