using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Bylines and languages (#25) over the API: stored on the article, facets, filters and query fields.</summary>
public sealed class ResearchFieldsEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _reader = factory.CreateClient();

    private const string GermanPage =
        "Stadtrat beschließt neuen Haushalt\nVon der Redaktion\n"
        + "Der Stadtrat hat am Dienstagabend nach einer langen Debatte den Haushalt für das kommende Jahr beschlossen. "
        + "Die Bürgermeisterin sagte, die Stadt werde mehr Geld in Schulen und den öffentlichen Nahverkehr investieren.";

    private const string BylinePage =
        "Harbour ferry service resumes after strike\nBy Matilde Ferreira\nBy Reuters\n"
        + "The harbour ferry service resumed on Monday after a two-week strike ended, the operator said. "
        + "Commuters had faced long detours while the boats stayed in port.";

    private async Task EnsureArticlesAsync()
    {
        using var writer = factory.CreateWriter();
        foreach (var (id, text) in new[] { ("research-de", GermanPage), ("research-byline", BylinePage) })
        {
            var response = await writer.PutAsJsonAsync(new Uri($"/articles/{id}?refresh=wait", UriKind.Relative), new { text });
            response.EnsureSuccessStatusCode();
        }
    }

    private static List<string> Values(JsonElement response, string facet) =>
        [.. response.GetProperty("facets").GetProperty(facet).EnumerateArray().Select(v => v.GetProperty("value").GetString()!)];

    [Fact]
    public async Task ArticleCarriesItsAuthorsAndLanguage()
    {
        await EnsureArticlesAsync();
        var article = await _reader.GetOkJsonAsync("/articles/research-byline");
        Assert.Equal(["Matilde Ferreira"], article.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("en", article.GetProperty("lang").GetString());
        Assert.Contains("Reuters", article.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("de", (await _reader.GetOkJsonAsync("/articles/research-de")).GetProperty("lang").GetString());
    }

    [Fact]
    public async Task AuthorIsAFacetAFilterAndAQueryField()
    {
        await EnsureArticlesAsync();
        var all = await _reader.GetOkJsonAsync("/search?q=");
        Assert.Contains("Matilde Ferreira", Values(all, "author"));
        Assert.DoesNotContain("Reuters", Values(all, "author"));

        var filtered = await _reader.GetOkJsonAsync("/search?q=&author=" + Uri.EscapeDataString("Matilde Ferreira"));
        Assert.Equal(1, filtered.GetProperty("total").GetInt32());
        Assert.Equal("research-byline", filtered.GetProperty("hits")[0].GetProperty("id").GetString());

        var queried = await _reader.GetOkJsonAsync("/search?q=" + Uri.EscapeDataString("author:\"Matilde Ferreira\""));
        Assert.Equal(1, queried.GetProperty("total").GetInt32());
        var bySurname = await _reader.GetOkJsonAsync("/search?q=author:ferreira");
        Assert.Equal(1, bySurname.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task LangIsAFacetAndAFilter()
    {
        await EnsureArticlesAsync();
        var all = await _reader.GetOkJsonAsync("/search?q=");
        var langs = all.GetProperty("facets").GetProperty("lang").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());
        Assert.Equal(1, langs["de"]);
        Assert.True(langs["en"] > 1);

        var german = await _reader.GetOkJsonAsync("/search?q=&lang=de");
        Assert.Equal(1, german.GetProperty("total").GetInt32());
        // Multi-select: the lang filter does not narrow the lang facet's own counts.
        Assert.Equal(langs.Count, german.GetProperty("facets").GetProperty("lang").GetArrayLength());
        Assert.Equal(1, (await _reader.GetOkJsonAsync("/search?q=lang:de")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task LimitsListTheNewFacets()
    {
        var limits = await _reader.GetOkJsonAsync("/search/limits");
        var facets = limits.GetProperty("facets").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("author", facets);
        Assert.Contains("lang", facets);
    }

    [Fact]
    public async Task QuotesSpeakerFilterDoesNotNarrowItsOwnFacet()
    {
        var all = await _reader.GetOkJsonAsync("/quotes?size=1");
        var speakers = Values(all, "speaker");
        Assert.True(speakers.Count > 1);
        var one = await _reader.GetOkJsonAsync("/quotes?size=1&speaker=" + Uri.EscapeDataString(speakers[0]));
        Assert.True(one.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        Assert.Equal(speakers, Values(one, "speaker"));
    }
}
