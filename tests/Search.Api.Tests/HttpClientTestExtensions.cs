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

    /// <summary>The ids of every article an alert matched (each once), walking its /matches pages.</summary>
    public static async Task<HashSet<string>> GetAlertMatchIdsAsync(this HttpClient client, string alertId)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var after = "";
        while (true)
        {
            var page = await client.GetOkJsonAsync($"/alerts/{alertId}/matches?size=1000&after={Uri.EscapeDataString(after)}");
            ids.UnionWith(page.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            after = page.GetProperty("next").GetString() ?? "";
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return ids;
            }
        }
    }
}
