using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Search.Shared;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// The index and its log on a 20 MB tmpfs that fills up (#13), with kill -9 at random moments, including
/// while a backup copies and while the background commit runs. Every round: writes meet a full disk and
/// get 507 or 503 ProblemDetails (never another 5xx); the space comes back and writes succeed again; the
/// server is killed, restarted (it must start every time) and still holds every acknowledged article.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    private const string Key = "fault-key";

    [RootFact]
    public Task FullDiskAndKillNineLoseNothingAcknowledgedAndNeverGive500() => FullDiskAndKillNine(shards: 1, rounds: 10);

    /// <summary>
    /// The same on four shards in one process (#22): a write meets the full disk in whichever shard's log it lands, a bulk
    /// batch can be refused by one shard and stored by another, and each shard's commit retries on its own.
    /// </summary>
    [RootFact]
    public Task FullDiskAndKillNineOnFourShardsLoseNothingAcknowledgedAndNeverGive500() => FullDiskAndKillNine(shards: 4, rounds: 3);

    private async Task FullDiskAndKillNine(int shards, int rounds)
    {
        using var disk = new SmallDisk(megabytes: 20);
        var settings = Settings(disk, commitIntervalMs: 300, shards);
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new Dictionary<int, int>();
        var random = new Random(1313);
        var sequence = 0;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            using (var server = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(90)))
            using (var client = Client(server))
            {
                await AssertAllPresent(client, acknowledged);

                // Full disk: a little room left, then none.
                disk.FillLeaving(random.Next(0, 400_000));
                var full = 0;
                for (var i = 0; i < 60 && full < 5; i++)
                {
                    var status = await Write(client, ++sequence, random, acknowledged, statuses);
                    full += status is 507 or 503 ? 1 : 0;
                }

                if (random.Next(2) == 0)
                {
                    // Back up on the full disk: it fails cleanly or succeeds; either way no 500.
                    Count(statuses, (int)(await client.PostAsync(new Uri($"/admin/backup?name=r{round}", UriKind.Relative), null)).StatusCode);
                }

                // Space returns: the server recovers without a restart.
                disk.Free();
                var recovered = false;
                for (var i = 0; i < 40 && !recovered; i++)
                {
                    recovered = await Write(client, ++sequence, random, acknowledged, statuses) is 200 or 201;
                    if (!recovered)
                    {
                        await Task.Delay(250);
                    }
                }

                Assert.True(recovered, $"round {round}: writes did not succeed again after the space returned");

                // Writes, a backup and background commits in flight, then kill -9 at a random moment.
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        try
                        {
                            await Write(client, Interlocked.Increment(ref sequence), new Random(sequence), acknowledged, statuses);
                        }
                        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                        {
                            return;
                        }
                    }
                })).ToList();
                var backup = client.PostAsync(new Uri($"/admin/backup?name=k{round}", UriKind.Relative), null);
                await Task.Delay(random.Next(50, 700));
                server.KillHard();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
                await Task.WhenAny(backup, Task.Delay(1000));
            }

            // The operator ships the round's backups off the disk: 20 MB holds the index, not ten rounds of
            // backups of it (left there, they fill the disk for good and the log can never be applied).
            var backups = Path.Combine(disk.Root, "index.backups");
            if (Directory.Exists(backups))
            {
                Directory.Delete(backups, recursive: true);
            }
        }

        using (var final = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(90)))
        using (var client = Client(final))
        {
            await AssertAllPresent(client, acknowledged);
        }

        var unexpected = statuses.Where(s => s.Key >= 500 && s.Key is not 507 and not 503).Sum(s => s.Value);
        output.WriteLine($"fault rounds on {shards} shard(s): {rounds}, acknowledged writes: {acknowledged.Count}, lost: 0, starts: {rounds + 1}, "
            + $"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}, elapsed: {clock.Elapsed.TotalSeconds:0} s, "
            + $"free at the end: {disk.FreeBytes / 1024} KB");
        Assert.Equal(0, unexpected);
        Assert.True(statuses.GetValueOrDefault(507) + statuses.GetValueOrDefault(503) > 0, "the disk never filled up");
    }

    [RootFact]
    public Task StartsOnAFullDiskAndAppliesTheLoggedWritesWhenSpaceReturns() => StartOnAFullDiskAndRecover(shards: 1);

    /// <summary>
    /// The same on four shards (#15): every shard's log waits on the full disk, /health gathers "degraded" from them, and
    /// each shard's refresh tick retries the recovering commit until the space returns.
    /// </summary>
    [RootFact]
    public Task ShardsStartOnAFullDiskDegradedAndApplyTheirLogsWhenSpaceReturns() => StartOnAFullDiskAndRecover(shards: 4);

    private static async Task StartOnAFullDiskAndRecover(int shards)
    {
        using var disk = new SmallDisk(megabytes: 20);
        // No background commit: every write stays in the log until the kill.
        var settings = Settings(disk, commitIntervalMs: 600_000, shards);
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new Dictionary<int, int>();
        var random = new Random(77);
        using (var server = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(90)))
        using (var client = Client(server))
        {
            for (var n = 0; n < 40; n++)
            {
                await Write(client, n, random, acknowledged, statuses);
            }

            server.KillHard();
        }

        // No room at all: replaying the log must flush segments, and cannot.
        disk.FillLeaving(0);
        using (var server = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(90)))
        using (var client = Client(server))
        {
            var health = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
            Assert.Equal("degraded", health.GetProperty("status").GetString());
            // Refused (507/503), or acknowledged if the log's last page still had room: both must hold.
            await Write(client, 1000, random, acknowledged, statuses);

            disk.Free();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                health = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
                if (health.GetProperty("status").GetString() == "ok" && health.GetProperty("articles").GetInt32() >= acknowledged.Count)
                {
                    break;
                }

                await Task.Delay(200);
            }

            // Recovered without a restart: the refresh tick retried the commit that re-applies the log.
            Assert.Equal("ok", health.GetProperty("status").GetString());
            await AssertAllPresent(client, acknowledged);
        }

        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} writes were acknowledged before the disk filled");
        Assert.DoesNotContain(statuses, s => s.Key >= 500 && s.Key is not 507 and not 503);
    }

    /// <summary>A server on the small disk, keyed, without rate limit or seeds.</summary>
    internal static Dictionary<string, string> Settings(SmallDisk disk, int commitIntervalMs, int shards = 1) => new()
    {
        ["Search__Shards"] = shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Search__IndexPath"] = Path.Combine(disk.Root, "index"),
        ["Search__SeedsPath"] = "",
        ["Search__ApiKey"] = Key,
        ["Search__RateLimitPerSecond"] = "0",
        ["Search__CommitIntervalMs"] = commitIntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    internal static HttpClient Client(ApiServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    /// <summary>One write (single or a small bulk); returns its status and records what it acknowledged.</summary>
    internal static async Task<int> Write(HttpClient client, int n, Random random, HashSet<string> acknowledged, Dictionary<int, int> statuses)
    {
        // Bodies of a few KB, so a 20 MB disk fills within a round.
        var text = $"Fault test {n}\n\n" + string.Join(' ', Enumerable.Range(0, random.Next(200, 1200)).Select(i => $"word{(i * 7919) + n}"));
        if (random.Next(3) > 0)
        {
            var response = await client.PostAsJsonAsync(new Uri("/articles", UriKind.Relative), new { id = $"f{n}", text });
            var status = (int)response.StatusCode;
            await AssertProblemWhenError(response);
            Count(statuses, status);
            if (status == 201)
            {
                lock (acknowledged)
                {
                    acknowledged.Add($"f{n}");
                }
            }

            return status;
        }

        var ids = Enumerable.Range(0, 3).Select(i => $"f{n}b{i}").ToList();
        var body = string.Join('\n', ids.Select(id => JsonSerializer.Serialize(new { id, text })));
        var bulk = await client.PostAsync(new Uri("/articles/bulk", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        Count(statuses, (int)bulk.StatusCode);
        await AssertProblemWhenError(bulk);
        foreach (var line in (await bulk.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var result = JsonDocument.Parse(line).RootElement;
            if (result.GetProperty("status").GetString() == "created")
            {
                lock (acknowledged)
                {
                    acknowledged.Add(result.GetProperty("id").GetString()!);
                }
            }
        }

        return (int)bulk.StatusCode;
    }

    private static async Task AssertProblemWhenError(HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"{(int)response.StatusCode} without ProblemDetails: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static void Count(Dictionary<int, int> statuses, int status)
    {
        lock (statuses)
        {
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }
    }

    internal static async Task AssertAllPresent(HttpClient client, HashSet<string> ids)
    {
        List<string> snapshot;
        lock (ids)
        {
            snapshot = [.. ids];
        }

        foreach (var id in snapshot)
        {
            var response = await client.GetAsync(new Uri($"/articles/{id}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"acknowledged article {id} was lost ({(int)response.StatusCode})");
        }
    }
}
