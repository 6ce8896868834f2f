using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// Acknowledged writes survive kill -9: a real server process takes writes, is SIGKILLed at a random
/// moment, restarted on the same index, and must still hold every article it acknowledged.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 20;
    private const string Key = "durability-key";
    private readonly string _index = Path.Combine(Path.GetTempPath(), "search-kill-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AcknowledgedWritesSurviveKillNine()
    {
        var settings = new Dictionary<string, string>
        {
            ["Search__IndexPath"] = _index,
            ["Search__SeedsPath"] = "",
            ["Search__ApiKey"] = Key,
            ["Search__RateLimitPerSecond"] = "0",
        };
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(424242);
        var budget = Stopwatch.StartNew();
        var rounds = 0;
        var sequence = 0;
        var lastRound = new HashSet<string>(StringComparer.Ordinal);
        var checkedBefore = new HashSet<string>(StringComparer.Ordinal);

        for (; rounds < Rounds && budget.Elapsed < TimeSpan.FromMinutes(8); rounds++)
        {
            using var server = await ServerProcess.StartAsync(settings, TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);

            // What the previous round acknowledged must be there after the restart (and the final check
            // below looks up every id ever acknowledged).
            await AssertAllPresent(client, lastRound, acknowledged.Count);

            var acknowledgedBefore = AcknowledgedCount();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var batch = w == 2 ? 5 : 1;
                    var ids = Enumerable.Range(0, batch).Select(_ => $"k{Interlocked.Increment(ref sequence)}").ToList();
                    try
                    {
                        if (await Write(client, ids))
                        {
                            lock (acknowledged)
                            {
                                acknowledged.UnionWith(ids);
                            }
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // The server died mid-request: that write was never acknowledged.
                    }
                }
            })).ToList();

            // Kill at a random moment after the first acknowledgement: on a loaded machine the first write after a
            // start can take seconds (JIT, first commit), and a round that ends before any write proves nothing.
            var firstAck = Stopwatch.StartNew();
            while (AcknowledgedCount() <= acknowledgedBefore && firstAck.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20);
            }

            await Task.Delay(random.Next(150, 900));
            server.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            lock (acknowledged)
            {
                lastRound = [.. acknowledged.Except(checkedBefore)];
                checkedBefore.UnionWith(lastRound);
            }
        }

        using (var final = await ServerProcess.StartAsync(settings, TimeSpan.FromSeconds(60)))
        using (var client = new HttpClient { BaseAddress = final.Address })
        {
            await AssertAllPresent(client, acknowledged, acknowledged.Count);
        }

        output.WriteLine($"kill -9 rounds: {rounds}, acknowledged writes: {acknowledged.Count}, lost: 0, elapsed: {budget.Elapsed.TotalSeconds:0} s");
        Assert.True(rounds >= Rounds, $"only {rounds} rounds ran within the time budget");
        Assert.True(acknowledged.Count > Rounds, "too few writes were acknowledged to prove anything");

        int AcknowledgedCount()
        {
            lock (acknowledged)
            {
                return acknowledged.Count;
            }
        }
    }

    private static async Task<bool> Write(HttpClient client, List<string> ids)
    {
        if (ids.Count == 1)
        {
            var response = await client.PostAsJsonAsync(new Uri("/articles", UriKind.Relative),
                new { id = ids[0], text = $"Durability Test {ids[0]}\n\nThis article {ids[0]} must survive a crash of the server process at any moment." });
            return response.StatusCode == HttpStatusCode.Created;
        }

        var body = new StringBuilder();
        foreach (var id in ids)
        {
            body.Append(JsonSerializer.Serialize(new { id, text = $"Bulk Durability {id}\n\nBulk article {id} must survive a crash of the server process too." })).Append('\n');
        }

        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
        var bulk = await client.PostAsync(new Uri("/articles/bulk", UriKind.Relative), content);
        var lines = (await bulk.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Only a complete response acknowledges the batch: each line was written after its commit.
        return bulk.IsSuccessStatusCode && lines.Length == ids.Count && lines.All(l => l.Contains("\"created\"", StringComparison.Ordinal));
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

    public void Dispose()
    {
        foreach (var path in new[] { _index, _index + ".apikey" })
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
