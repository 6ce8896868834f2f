using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>GET by id is real-time (#13): it sees the latest write at once, with no refresh asked for.</summary>
public sealed class RealTimeGetTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task DeletedArticleIs404AtOnce()
    {
        var writer = factory.CreateWriter();
        Assert.Equal(HttpStatusCode.Created, (await writer.PutAsJsonAsync(Relative("/articles/rt-del?refresh=wait"), new { text = "An article about to go away." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync(Relative("/articles/rt-del"))).StatusCode);
        await AssertProblem(await factory.CreateClient().GetAsync(Relative("/articles/rt-del")), 404);
        await AssertProblem(await factory.CreateClient().GetAsync(Relative("/articles/rt-del?q=article")), 404);
    }

    [Fact]
    public async Task ReplacedArticleShowsItsNewVersionAtOnce()
    {
        var writer = factory.CreateWriter();
        await writer.PutAsJsonAsync(Relative("/articles/rt-put?refresh=wait"), new { text = "First version of the body.", title = "One" });
        Assert.Equal(HttpStatusCode.OK, (await writer.PutAsJsonAsync(Relative("/articles/rt-put"), new { text = "Second version of the body.", title = "Two" })).StatusCode);
        var article = await factory.CreateClient().GetOkJsonAsync("/articles/rt-put");
        Assert.Equal("Two", article.GetProperty("title").GetString());
        Assert.Contains("Second version", article.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewArticleIsThereAtOnceAndCanBeHighlighted()
    {
        await factory.CreateWriter().PutAsJsonAsync(Relative("/articles/rt-new"), new { text = "Freshly written words about glaciers." });
        var article = await factory.CreateClient().GetOkJsonAsync("/articles/rt-new?q=glaciers");
        Assert.Contains("<mark>glaciers</mark>", article.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
    }

    private static async Task AssertProblem(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    private static Uri Relative(string url) => new(url, UriKind.Relative);
}
