using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Shared;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// #15's failure test: three silos (membership in Redis) share one data root holding four shards; one silo that
/// holds shards is killed with SIGKILL while searches and writes go on. Its shards must come back on the other
/// silos; meanwhile a search answers complete, or partial with the missing shards listed, or 503 — never fewer hits
/// silently; and every write acknowledged before, during or after the gap is still there.
/// </summary>
public sealed class ClusterFailureTests(ITestOutputHelper output) : IDisposable
{
    private const string Key = "cluster-key";
    private const int Shards = 4;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "search-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _processes = [];

    [Fact]
    public async Task KilledSilosShardsComeBackWithoutSilentLossOrLostWrites()
    {
        var redisPort = StartRedis();
        var settings = new Dictionary<string, string>
        {
            ["Search__IndexPath"] = Path.Combine(_root, "index"),
            ["Search__SeedsPath"] = SearchApiFactory.SeedsPath,
            ["Search__Shards"] = Shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Search__ApiKey"] = Key,
            ["Search__RateLimitPerSecond"] = "0",
            ["Search__ResultCacheSize"] = "0",
            ["Search__Cluster__Mode"] = "Redis",
            ["Search__Cluster__Redis"] = $"127.0.0.1:{redisPort}",
            ["Search__Cluster__ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Search__Cluster__ProbeTimeoutSeconds"] = "1",
        };
        // One at a time: the first lays out and builds the shards from the seeds.
        var silos = new List<ApiServerProcess>();
        for (var i = 0; i < 3; i++)
        {
            silos.Add(Own(await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(90))));
        }

        var clients = silos.Select(s => Client(s.Address)).ToList();
        var health = await clients[0].GetOkJsonAsync("/health");
        Assert.Equal(Shards, health.GetProperty("shards").GetInt32());
        Assert.Equal(3, health.GetProperty("silos").GetInt32());

        // The shards were opened on the first silo (the only one while it started): spread them over the three.
        var rebalanced = await clients[0].PostAsync(new Uri("/admin/shards/rebalance", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, rebalanced.StatusCode);
        var placement = await ClusterProbes.Placement(clients[0]);
        // Deactivation is best-effort (a busy grain may stay a moment longer), so at least two silos hold shards.
        Assert.True(placement.Values.Distinct().Count() >= 2, "the shards did not spread over the silos");

        // A silo holding shards dies; the test talks to one that survives.
        var victim = silos.FindIndex(s => placement.ContainsValue(s.ProcessId));
        var survivor = clients[(victim + 1) % 3];
        var lost = placement.Where(p => p.Value == silos[victim].ProcessId).Select(p => p.Key).ToList();
        output.WriteLine($"placement {string.Join(", ", placement.Select(p => $"{p.Key}@{p.Value}"))}; killing silo {victim + 1}, which holds shards {string.Join(", ", lost)}");

        const string Query = "/search?q=president&facets=false&size=5";
        var complete = (await survivor.GetOkJsonAsync(Query)).GetProperty("total").GetInt32();
        Assert.True(complete > 0);

        var acknowledged = new ConcurrentBag<string>();
        var writeStatuses = new ConcurrentBag<HttpStatusCode>();
        var answers = new ConcurrentBag<(HttpStatusCode Status, int Total, bool Partial, int Missing)>();
        using var stop = new CancellationTokenSource();
        var sequence = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = $"gap-{Interlocked.Increment(ref sequence)}";
                var response = await Send(() => survivor.PostAsJsonAsync("/articles", new { id, text = $"Gap report {id}\n\nWritten while a silo died." }));
                writeStatuses.Add(response);
                if (response == HttpStatusCode.Created)
                {
                    acknowledged.Add(id);
                }
            }
        });
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                answers.Add(await Search(survivor, Query));
            }
        });

        await Task.Delay(1000);
        silos[victim].KillHard();
        var clock = Stopwatch.StartNew();
        var recovered = false;
        // A liveness bound, not a speed target (failover times are measured in docs/scale-out.md): generous, because
        // a loaded machine once took 61.8 s (membership probes and the shard's reopen compete for 2 cores).
        while (clock.Elapsed < TimeSpan.FromSeconds(180) && !recovered)
        {
            await Task.Delay(500);
            var answer = await Search(survivor, Query);
            recovered = answer.Status == HttpStatusCode.OK && !answer.Partial;
        }

        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(writer, reader);
        output.WriteLine($"recovered after {clock.Elapsed.TotalSeconds:F1} s; {answers.Count} searches "
            + $"({answers.Count(a => a.Partial)} partial, {answers.Count(a => a.Status != HttpStatusCode.OK)} not 200), {acknowledged.Count} writes acknowledged; "
            + $"write statuses {string.Join(", ", writeStatuses.GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}"))}");
        Assert.True(recovered, "the killed silo's shards did not come back within 180 s");

        // Never silently fewer hits: a complete answer has every hit; a partial one says which shards it lacks.
        foreach (var answer in answers)
        {
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout, $"status {answer.Status}");
            if (answer.Status == HttpStatusCode.OK && !answer.Partial)
            {
                Assert.Equal(complete, answer.Total);
            }

            if (answer.Partial)
            {
                Assert.True(answer.Missing > 0 && answer.Total <= complete);
            }
        }

        // The shards moved to the two silos left, and nothing acknowledged is lost.
        var moved = await ClusterProbes.Placement(survivor);
        Assert.All(moved.Values, pid => Assert.NotEqual(silos[victim].ProcessId, pid));
        Assert.Equal(2, (await survivor.GetOkJsonAsync("/health")).GetProperty("silos").GetInt32());
        Assert.NotEmpty(acknowledged);
        foreach (var id in acknowledged)
        {
            var response = await survivor.GetAsync(new Uri($"/articles/{id}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"acknowledged article {id} is gone ({response.StatusCode})");
        }
    }

    private static async Task<(HttpStatusCode Status, int Total, bool Partial, int Missing)> Search(HttpClient client, string url)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (response.StatusCode, 0, false, 0);
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var partial = body.TryGetProperty("partial", out var p) && p.GetBoolean();
            var missing = body.TryGetProperty("missingShards", out var m) ? m.GetArrayLength() : 0;
            return (response.StatusCode, body.GetProperty("total").GetInt32(), partial, missing);
        }
        catch (TaskCanceledException)
        {
            return (HttpStatusCode.RequestTimeout, 0, false, 0);
        }
    }

    private static async Task<HttpStatusCode> Send(Func<Task<HttpResponseMessage>> request)
    {
        try
        {
            using var response = await request();
            return response.StatusCode;
        }
        catch (TaskCanceledException)
        {
            return HttpStatusCode.RequestTimeout;
        }
    }

    private static HttpClient Client(Uri address)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    /// <summary>redis-server on a free port (installed by .ci/run), for Orleans membership; killed at the end.</summary>
    private int StartRedis() => Own(RedisProcess.Start()).Port;

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

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
