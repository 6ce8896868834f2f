using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Search.Shared;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// A match of an acknowledged article is never lost: a real server with saved alerts takes writes (single and
/// bulk), is SIGKILLed at a random moment and restarted on the same folders; every acknowledged article that
/// the alert's query matches must be among the alert's matches, each round and at the end.
/// </summary>
public sealed class AlertKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 8;
    private const string Key = "alert-kill-key";
    private readonly string _index = Path.Combine(Path.GetTempPath(), "alerts-kill-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task KillNineDuringIngestLosesNoMatchOfAnAcknowledgedArticle()
    {
        var settings = new Dictionary<string, string>
        {
            ["Search__IndexPath"] = _index,
            ["Search__SeedsPath"] = "",
            ["Search__ApiKey"] = Key,
            ["Search__RateLimitPerSecond"] = "0",
        };
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(1818);
        var sequence = 0;
        string? alertId = null;
        var budget = Stopwatch.StartNew();
        var rounds = 0;

        for (; rounds < Rounds && budget.Elapsed < TimeSpan.FromMinutes(3); rounds++)
        {
            using var server = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);
            if (alertId is null)
            {
                var saved = await client.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative), new { q = "lantern", name = "Lanterns" });
                Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
                alertId = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            }

            HashSet<string> snapshot;
            lock (acknowledged)
            {
                snapshot = [.. acknowledged];
            }

            await AssertAllMatched(client, alertId, snapshot);

            // One write before the clock starts: the first requests of a fresh process are slow (JIT), and a kill
            // before any acknowledgement would prove nothing.
            var warmUp = $"l{Interlocked.Increment(ref sequence)}";
            Assert.True(await Write(client, [warmUp]), "the warm-up write was not acknowledged");
            lock (acknowledged)
            {
                acknowledged.Add(warmUp);
            }

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var ids = Enumerable.Range(0, w == 2 ? 5 : 1).Select(_ => $"l{Interlocked.Increment(ref sequence)}").ToList();
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
                        return; // Killed mid-request: never acknowledged.
                    }
                }
            })).ToList();

            await Task.Delay(random.Next(300, 1500));
            server.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        using (var final = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(60)))
        using (var client = new HttpClient { BaseAddress = final.Address })
        {
            await AssertAllMatched(client, alertId!, acknowledged);
        }

        output.WriteLine($"kill -9 rounds: {rounds}, acknowledged matching writes: {acknowledged.Count}, lost matches: 0");
        Assert.True(rounds >= 3, $"only {rounds} rounds ran within the time budget");
        Assert.True(acknowledged.Count > Rounds, "too few writes were acknowledged to prove anything");
    }

    private static async Task<bool> Write(HttpClient client, List<string> ids)
    {
        if (ids.Count == 1)
        {
            var response = await client.PostAsJsonAsync(new Uri("/articles", UriKind.Relative),
                new { id = ids[0], text = $"Lantern Festival {ids[0]}\n\nPaper lantern number {ids[0]} floated down the river." });
            return response.StatusCode == HttpStatusCode.Created;
        }

        var body = new StringBuilder();
        foreach (var id in ids)
        {
            body.Append(JsonSerializer.Serialize(new { id, text = $"Lantern Makers {id}\n\nA lantern workshop ({id}) opened in the old town." })).Append('\n');
        }

        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
        var bulk = await client.PostAsync(new Uri("/articles/bulk", UriKind.Relative), content);
        var lines = (await bulk.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return bulk.IsSuccessStatusCode && lines.Length == ids.Count && lines.All(l => l.Contains("\"created\"", StringComparison.Ordinal));
    }

    /// <summary>Walks the alert's matches with the cursor and checks every acknowledged article is among them.</summary>
    private static async Task AssertAllMatched(HttpClient client, string alertId, HashSet<string> acknowledged)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var after = "";
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"/alerts/{alertId}/matches?size=1000&after={after}", UriKind.Relative));
            foreach (var match in page.GetProperty("matches").EnumerateArray())
            {
                matched.Add(match.GetProperty("id").GetString()!);
            }

            after = page.GetProperty("next").GetString();
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        var lost = acknowledged.Except(matched).ToList();
        Assert.True(lost.Count == 0, $"matches of acknowledged articles lost: {string.Join(", ", lost.Take(10))}");
    }

    public void Dispose()
    {
        foreach (var path in new[] { _index, _index + ".alerts" })
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        foreach (var file in new[] { _index + ".wal", _index + ".apikey" })
        {
            File.Delete(file);
        }
    }
}
