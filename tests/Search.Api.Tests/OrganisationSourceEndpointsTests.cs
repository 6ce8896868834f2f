using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Organisations as sources (#24) through the API: their own facet, their quotes' kind, the speaker facet kept to people.</summary>
public sealed class OrganisationSourceEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _reader = factory.CreateClient();
    private readonly HttpClient _writer = factory.CreateWriter();

    private const string Page = "Quarry Permit Refused\n\n"
        + "\u201cThe quarry would poison the aquifer,\u201d the Thornvale Water Board said in a ruling on Monday.\n\n"
        + "\u201cWe will appeal within the month,\u201d said Ottilie Brandsma, who runs the quarry company.";

    [Fact]
    public async Task OrganisationIsItsOwnFacetAndSaysItsKindInQuotesAndTheArticle()
    {
        var created = await _writer.PutAsJsonAsync(new Uri("/articles/org-source-1?refresh=wait", UriKind.Relative), new { text = Page });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var search = await _reader.GetFromJsonAsync<JsonElement>(new Uri("/search?q=aquifer", UriKind.Relative));
        var facets = search.GetProperty("facets");
        Assert.Contains("Thornvale Water Board", facets.GetProperty("organization").EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        Assert.DoesNotContain("Thornvale Water Board", facets.GetProperty("speaker").EnumerateArray().Select(v => v.GetProperty("value").GetString()));

        var filtered = await _reader.GetFromJsonAsync<JsonElement>(new Uri("/search?organization=Thornvale%20Water%20Board", UriKind.Relative));
        Assert.Equal(1, filtered.GetProperty("total").GetInt32());

        var quotes = await _reader.GetFromJsonAsync<JsonElement>(new Uri("/quotes?q=aquifer", UriKind.Relative));
        var hit = quotes.GetProperty("hits")[0];
        Assert.Equal("Thornvale Water Board", hit.GetProperty("speaker").GetString());
        Assert.Equal("organization", hit.GetProperty("kind").GetString());
        Assert.Empty(quotes.GetProperty("facets").GetProperty("speaker").EnumerateArray());
        Assert.Single(quotes.GetProperty("facets").GetProperty("organization").EnumerateArray());

        var byOrganisation = await _reader.GetFromJsonAsync<JsonElement>(new Uri("/quotes?organization=Thornvale%20Water%20Board", UriKind.Relative));
        Assert.Equal(1, byOrganisation.GetProperty("total").GetInt32());

        var article = await _reader.GetFromJsonAsync<JsonElement>(new Uri("/articles/org-source-1", UriKind.Relative));
        Assert.Equal(["Thornvale Water Board"], article.GetProperty("organizations").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal(["Ottilie Brandsma"], article.GetProperty("speakers").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal(["organization", "person"], article.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("kind").GetString()!));
    }
}
