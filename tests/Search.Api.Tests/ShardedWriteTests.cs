using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>
/// Writes on Search:Shards=4 in one process (#15): single, bulk, replace and delete go to the owning shard and are
/// searchable at once with refresh=wait; a backup copies every shard. Its own servers, so the read tests compare
/// untouched indexes.
/// </summary>
public sealed class ShardedWriteTests(ShardedServers servers) : IClassFixture<ShardedServers>
{
    private readonly HttpClient _sharded = servers.Sharded.CreateClient();

    [Fact]
    public async Task WritesAreRoutedToTheirShardAndSearchable()
    {
        var writer = servers.Sharded.CreateWriter();
        var created = await writer.PostAsJsonAsync("/articles?refresh=wait",
            new { id = "shard-test-1", text = "Zanzibarian lighthouse keepers unionise\n\nThe keepers of the Zanzibarian lighthouses voted to unionise." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var found = await _sharded.GetOkJsonAsync("/search?q=zanzibarian");
        Assert.Equal(["shard-test-1"], Ids(found));

        var replaced = await writer.PutAsJsonAsync("/articles/shard-test-1?refresh=wait",
            new { text = "Zanzibarian keepers sign a contract\n\nThe Zanzibarian keepers signed their first contract." });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var article = await _sharded.GetOkJsonAsync("/articles/shard-test-1");
        Assert.Contains("contract", article.GetProperty("title").GetString(), StringComparison.Ordinal);

        var bulk = "{\"id\":\"shard-bulk-1\",\"text\":\"Quetzalcoatlus fossils found\\n\\nQuetzalcoatlus bones were found.\"}\n"
            + "{\"id\":\"bad id with spaces\",\"text\":\"x\"}\n"
            + "{\"id\":\"shard-bulk-2\",\"text\":\"More Quetzalcoatlus fossils\\n\\nAnother Quetzalcoatlus skeleton.\"}\n";
        var loaded = await writer.PostAsync("/articles/bulk?refresh=wait", new StringContent(bulk, Encoding.UTF8, "application/x-ndjson"));
        var lines = (await loaded.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("status").GetString()).ToList();
        Assert.Equal(["created", "error", "created"], lines);
        Assert.Equal(2, (await _sharded.GetOkJsonAsync("/search?q=quetzalcoatlus")).GetProperty("total").GetInt32());

        var deleted = await writer.DeleteAsync(new Uri("/articles/shard-test-1?refresh=wait", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _sharded.GetAsync(new Uri("/articles/shard-test-1", UriKind.Relative))).StatusCode);
        Assert.Equal(0, (await _sharded.GetOkJsonAsync("/search?q=zanzibarian")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await writer.DeleteAsync(new Uri("/articles/shard-test-1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task BackupCopiesEveryShard()
    {
        var writer = servers.Sharded.CreateWriter();
        var response = await writer.PostAsync(new Uri("/admin/backup?name=sharded", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var folder = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString()!;
        Assert.Equal("4", File.ReadAllText(Path.Combine(folder, "shard-count")).Trim());
        Assert.All(Enumerable.Range(0, 4), i => Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, $"shard-0{i}"), "segments*")));
    }

    private static List<string> Ids(JsonElement response) =>
        [.. response.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!)];
}
