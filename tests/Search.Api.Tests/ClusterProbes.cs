using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>What the cluster tests ask a silo while shards move: where each shard is, and whether every shard answers.</summary>
internal static class ClusterProbes
{
    /// <summary>Shard → process id of the silo holding it (null while it is not active), from /admin/shards.</summary>
    public static async Task<Dictionary<int, int?>> Placement(HttpClient client) =>
        (await client.GetOkJsonAsync("/admin/shards")).EnumerateArray().ToDictionary(
            s => s.GetProperty("shard").GetInt32(),
            s => s.GetProperty("processId").ValueKind == JsonValueKind.Number ? s.GetProperty("processId").GetInt32() : (int?)null);

    /// <summary>True when a search over every shard answers complete (no shard missing).</summary>
    public static async Task<bool> Complete(HttpClient client, string query)
    {
        try
        {
            using var response = await client.GetAsync(new Uri($"/search?q={query}&facets=false&size=1", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return !(body.TryGetProperty("partial", out var partial) && partial.GetBoolean());
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
