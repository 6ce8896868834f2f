using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>GET /articles/{id}, /health and the API documents.</summary>
public sealed class ArticleEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ArticleByIdReturnsTheWholeArticle()
    {
        var article = await _client.GetFromJsonAsync<JsonElement>(new Uri("/articles/003_4b2cff3ecd599e03", UriKind.Relative));
        Assert.Equal("003_4b2cff3ecd599e03", article.GetProperty("id").GetString());
        Assert.Contains("NATO expansion", article.GetProperty("body").GetString(), StringComparison.Ordinal);
        foreach (var field in new[] { "url", "title", "outlet", "sources", "speakers", "quotes", "published" })
        {
            Assert.True(article.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task ArticleWithQueryMarksMatchesInBodyHtml()
    {
        var article = await _client.GetFromJsonAsync<JsonElement>(new Uri("/articles/003_4b2cff3ecd599e03?q=%22NATO%20expansion%22", UriKind.Relative));
        Assert.Contains("<mark>NATO expansion</mark>", article.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArticleIsA404ProblemDetails()
    {
        var response = await _client.GetAsync(new Uri("/articles/no-such-id", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("no-such-id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthReportsTheArticleCount()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(5, health.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task OpenApiDocumentIsGeneratedOnceAndServedFromTheOutputCache()
    {
        using var first = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var second = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesEveryEndpointWithSummaries()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/search", "/articles/{id}", "/health" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), path);
            Assert.False(string.IsNullOrEmpty(item.GetProperty("get").GetProperty("summary").GetString()), path);
        }

        var parameters = paths.GetProperty("/search").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "q", "outlet", "speaker", "from", "to", "sort", "page", "size", "after" }, parameters.ToHashSet());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesEachSearchParameter()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var parameters = document.GetProperty("paths").GetProperty("/search").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        Assert.NotEmpty(parameters);
        foreach (var parameter in parameters)
        {
            Assert.Equal("query", parameter.GetProperty("in").GetString());
            Assert.False(string.IsNullOrEmpty(parameter.GetProperty("description").GetString()), parameter.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task InteractiveDocsLoad()
    {
        var response = await _client.GetAsync(new Uri("/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRouteIsA404ProblemDetails()
    {
        var response = await _client.GetAsync(new Uri("/nope/nothing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
