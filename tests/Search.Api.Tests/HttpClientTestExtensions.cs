using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Request helpers shared by the API test classes.</summary>
public static class HttpClientTestExtensions
{
    /// <summary>GETs a relative URL, asserts 200 and returns the JSON body.</summary>
    public static async Task<JsonElement> GetOkJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
