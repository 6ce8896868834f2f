using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Shared;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// kill -9 of a silo while it takes writes (#22): two silos (membership in Redis) share one data root of four shards,
/// spread over both. Writers post through both silos, single articles and bulk batches, so the dying silo coordinates
/// writes to its own shards and to the other silo's; it is SIGKILLed at a random moment. Once its shards have reopened
/// on the survivor (log replay from the shared root), every write either silo acknowledged must be there. Two rounds:
/// a third silo joins, the shards spread again, and the silo that survived the first kill dies in turn.
/// An alert saved before the writes must hold every acknowledged article among its matches at the end: the alert grain
/// and the shard grains that record matches in it move with the kills too.
/// <see cref="ClusterFailureTests"/> checks the searches in the gap; this checks the writes of the silo that dies.
/// </summary>
public sealed class SiloKillTests(ITestOutputHelper output) : IDisposable
{
    private const string Key = "silo-kill-key";
    private const int Shards = 4;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "search-silo-kill-" + Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _processes = [];

    [Fact]
    public async Task AcknowledgedWritesOfAKilledSiloAreThereOnceItsShardsComeBack()
    {
        var redis = Own(RedisProcess.Start());
        var settings = KillNineWriters.ServerSettings(Path.Combine(_root, "index"), Key, Shards);
        settings["Search__Cluster__Mode"] = "Redis";
        settings["Search__Cluster__Redis"] = $"127.0.0.1:{redis.Port}";
        settings["Search__Cluster__ClusterId"] = "silo-kill-" + Guid.NewGuid().ToString("N")[..8];
        settings["Search__Cluster__ProbeTimeoutSeconds"] = "1";
        var writers = new KillNineWriters("s",
            id => $"Silo Report {id}\n\nThis article {id} must survive the death of the silo that wrote it.",
            id => $"Silo Batch {id}\n\nBulk article {id} must survive the death of a silo too.");
        var random = new Random(2222);
        // The first silo starts alone and lays the shards out. Each round a silo joins, the shards are spread over the
        // two, and one of them dies: in the second round the silo that dies holds shards that already moved once.
        var live = new List<(ApiServerProcess Server, HttpClient Client)> { Start(await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(90))) };
        // Every article the writers send matches it: its matches must survive the kills as the articles do.
        using var saved = await live[0].Client.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative), new { q = "silo", name = "Silo" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var alert = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        for (var round = 0; round < 2; round++)
        {
            live.Add(Start(await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(90))));
            Assert.Equal(HttpStatusCode.NoContent, (await live[0].Client.PostAsync(new Uri("/admin/shards/rebalance", UriKind.Relative), null)).StatusCode);
            var placement = await ClusterProbes.Placement(live[0].Client);
            // The silo that dies must hold shards (the spread is best-effort: a busy shard may stay put).
            var victim = live.FindIndex(s => placement.ContainsValue(s.Server.ProcessId));
            var (server, client) = live[victim];
            var survivor = live[1 - victim].Client;
            output.WriteLine($"round {round + 1}: placement {string.Join(", ", placement.Select(p => $"{p.Key}@{p.Value}"))}; killing {server.ProcessId}");

            // A fresh silo's first writes are slow (JIT, first commit); a kill before any acknowledgement proves nothing.
            Assert.True(await writers.WriteOneAsync(client), "the warm-up write through the victim was not acknowledged");
            Assert.True(await writers.WriteOneAsync(survivor), "the warm-up write through the survivor was not acknowledged");
            await KillDuringWrites(writers, server, client, survivor, random);
            live.RemoveAt(victim);
            await AssertAllThere(survivor, writers.Acknowledged());
        }

        await AssertAllMatched(live[0].Client, alert, writers.Acknowledged());
        var health = await live[0].Client.GetOkJsonAsync("/health");
        Assert.Equal(1, health.GetProperty("silos").GetInt32());
        Assert.True(health.GetProperty("articles").GetInt32() >= writers.AcknowledgedCount, "the article count is below the acknowledged writes");
    }

    /// <summary>
    /// Writers through the victim until it is SIGKILLed at a random moment; the survivor keeps writing through the kill
    /// (its writes to the dead silo's shards are refused or time out until they reopen: only acknowledged ones count)
    /// until a search over every shard is complete again.
    /// </summary>
    private async Task KillDuringWrites(KillNineWriters writers, ApiServerProcess server, HttpClient client, HttpClient survivor, Random random)
    {
        using var stop = new CancellationTokenSource();
        var survivorWrites = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await writers.WriteOneAsync(survivor);
                }
                catch (TaskCanceledException)
                {
                    // Timed out while the shard moved: not acknowledged.
                }
            }
        });
        await writers.WriteUntilKilledAsync(client, server, () => Task.Delay(random.Next(300, 1500)));
        var clock = Stopwatch.StartNew();
        var recovered = false;
        // A liveness bound, not a speed target: membership detection and the shards' reopen compete for 2 cores.
        while (clock.Elapsed < TimeSpan.FromSeconds(120) && !recovered)
        {
            await Task.Delay(500);
            recovered = await ClusterProbes.Complete(survivor, "silo");
        }

        await Task.Delay(500);
        await stop.CancelAsync();
        await survivorWrites;
        output.WriteLine($"shards back after {clock.Elapsed.TotalSeconds:F1} s; acknowledged so far: {writers.AcknowledgedCount}");
        Assert.True(recovered, "the killed silo's shards did not come back within 120 s");
    }

    private static async Task AssertAllThere(HttpClient client, HashSet<string> acknowledged)
    {
        var lost = new List<string>();
        foreach (var id in acknowledged)
        {
            using var response = await client.GetAsync(new Uri($"/articles/{id}", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                lost.Add($"{id} ({(int)response.StatusCode})");
            }
        }

        Assert.True(lost.Count == 0, $"acknowledged articles lost: {string.Join(", ", lost.Take(10))}");
        Assert.True(acknowledged.Count > 2, "too few writes were acknowledged to prove anything");
    }

    /// <summary>Every acknowledged article is among the alert's matches, read from the survivor (the alert grain may have moved).</summary>
    private static async Task AssertAllMatched(HttpClient client, string alert, HashSet<string> acknowledged)
    {
        var matched = await client.GetAlertMatchIdsAsync(alert);
        var missing = acknowledged.Where(id => !matched.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"acknowledged articles missing from the alert's matches: {string.Join(", ", missing.Take(10))}");
    }

    private (ApiServerProcess Server, HttpClient Client) Start(ApiServerProcess server) => (Own(server), Own(Client(server.Address)));

    private static HttpClient Client(Uri address)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    private T Own<T>(T process)
        where T : IDisposable
    {
        _processes.Add(process);
        return process;
    }

    public void Dispose()
    {
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            _processes[i].Dispose();
        }

        FolderCleanup.DeleteIndex(Path.Combine(_root, "index"));
        FolderCleanup.Delete(_root);
    }
}
