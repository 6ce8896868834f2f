using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Shared;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// Acknowledged writes survive kill -9: a real server process takes writes, is SIGKILLed at a random
/// moment, restarted on the same index, and must still hold every article it acknowledged.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const string Key = "durability-key";
    private readonly string _index = Path.Combine(Path.GetTempPath(), "search-kill-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public Task AcknowledgedWritesSurviveKillNine() => KillDuringWrites(shards: 1, rounds: 20);

    /// <summary>
    /// The same on four shards in one process (#22): every shard has its own write log, a bulk batch spans shards, and
    /// a kill lands between one shard's fsync and another's. Fewer rounds: each start opens four indexes.
    /// </summary>
    [Fact]
    public Task AcknowledgedWritesSurviveKillNineOnFourShards() => KillDuringWrites(shards: 4, rounds: 6);

    private async Task KillDuringWrites(int shards, int rounds)
    {
        var settings = KillNineWriters.ServerSettings(_index, Key, shards);
        var writers = new KillNineWriters("k",
            id => $"Durability Test {id}\n\nThis article {id} must survive a crash of the server process at any moment.",
            id => $"Bulk Durability {id}\n\nBulk article {id} must survive a crash of the server process too.");
        var random = new Random(424242);
        var budget = Stopwatch.StartNew();
        var round = 0;
        var lastRound = new HashSet<string>(StringComparer.Ordinal);
        var checkedBefore = new HashSet<string>(StringComparer.Ordinal);

        for (; round < rounds && budget.Elapsed < TimeSpan.FromMinutes(8); round++)
        {
            using var server = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);

            // What the previous round acknowledged must be there after the restart (and the final check
            // below looks up every id ever acknowledged).
            await AssertAllPresent(client, lastRound, checkedBefore.Count);

            var acknowledgedBefore = writers.AcknowledgedCount;
            await writers.WriteUntilKilledAsync(client, server, async () =>
            {
                // Kill at a random moment after the first acknowledgement: on a loaded machine the first write after a
                // start can take seconds (JIT, first commit), and a round that ends before any write proves nothing.
                var firstAck = Stopwatch.StartNew();
                while (writers.AcknowledgedCount <= acknowledgedBefore && firstAck.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(20);
                }

                await Task.Delay(random.Next(150, 900));
            });
            lastRound = [.. writers.Acknowledged().Except(checkedBefore)];
            checkedBefore.UnionWith(lastRound);
        }

        var acknowledged = writers.Acknowledged();
        using (var final = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(60)))
        using (var client = new HttpClient { BaseAddress = final.Address })
        {
            await AssertAllPresent(client, acknowledged, acknowledged.Count);
        }

        output.WriteLine($"kill -9 rounds on {shards} shard(s): {round}, acknowledged writes: {acknowledged.Count}, lost: 0, elapsed: {budget.Elapsed.TotalSeconds:0} s");
        Assert.True(round >= rounds, $"only {round} rounds ran within the time budget");
        Assert.True(acknowledged.Count > rounds, "too few writes were acknowledged to prove anything");
    }

    private static async Task AssertAllPresent(HttpClient client, HashSet<string> ids, int acknowledgedSoFar)
    {
        var health = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
        Assert.True(health.GetProperty("articles").GetInt32() >= acknowledgedSoFar, "the article count is below the acknowledged writes");
        foreach (var id in ids)
        {
            var response = await client.GetAsync(new Uri($"/articles/{id}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"acknowledged article {id} was lost");
        }
    }

    public void Dispose() => FolderCleanup.DeleteIndex(_index);
}
