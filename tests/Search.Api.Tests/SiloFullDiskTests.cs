using System.Diagnostics;
using System.Net;
using Search.Shared;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// A full disk under two silos (#22): their shared data root of four shards is a 20 MB tmpfs that fills up while
/// both silos take writes. A write whose shard sits on the other silo meets the full disk inside a grain call: it must
/// still answer 507 or 503 ProblemDetails, never another 5xx. The space returns and both silos write again without a
/// restart (each shard grain's refresh timer retries its commit); then one silo is killed and, once its shards reopen
/// on the other, every acknowledged write is there.
/// </summary>
public sealed class SiloFullDiskTests(ITestOutputHelper output)
{
    [RootFact]
    public async Task FullDiskUnderTwoSilosRefusesCleanlyRecoversAndLosesNothingAcknowledged()
    {
        using var disk = new SmallDisk(megabytes: 20);
        using var redis = RedisProcess.Start();
        var settings = FaultInjectionTests.Settings(disk, commitIntervalMs: 300, shards: 4);
        settings["Search__Cluster__Mode"] = "Redis";
        settings["Search__Cluster__Redis"] = $"127.0.0.1:{redis.Port}";
        settings["Search__Cluster__ClusterId"] = "silo-disk-" + Guid.NewGuid().ToString("N")[..8];
        settings["Search__Cluster__ProbeTimeoutSeconds"] = "1";
        using var first = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(90));
        using var second = await ApiServerProcess.StartAsync(settings, TimeSpan.FromSeconds(90));
        HttpClient[] clients = [FaultInjectionTests.Client(first), FaultInjectionTests.Client(second)];
        try
        {
            Assert.Equal(HttpStatusCode.NoContent, (await clients[0].PostAsync(new Uri("/admin/shards/rebalance", UriKind.Relative), null)).StatusCode);
            var acknowledged = new HashSet<string>(StringComparer.Ordinal);
            var statuses = new Dictionary<int, int>();
            var random = new Random(2323);
            var sequence = 0;

            // Writes through both silos, then a full disk: a little room left, then none; writes alternate between the silos.
            for (var i = 0; i < 12; i++)
            {
                await FaultInjectionTests.Write(clients[i % 2], ++sequence, random, acknowledged, statuses);
            }

            disk.FillLeaving(random.Next(0, 400_000));
            var full = 0;
            for (var i = 0; i < 80 && full < 8; i++)
            {
                var status = await FaultInjectionTests.Write(clients[i % 2], ++sequence, random, acknowledged, statuses);
                full += status is 507 or 503 ? 1 : 0;
            }

            // Space returns: each silo writes again without a restart.
            disk.Free();
            foreach (var client in clients)
            {
                var recovered = false;
                for (var i = 0; i < 60 && !recovered; i++)
                {
                    recovered = await FaultInjectionTests.Write(client, ++sequence, random, acknowledged, statuses) is 200 or 201;
                    if (!recovered)
                    {
                        await Task.Delay(250);
                    }
                }

                Assert.True(recovered, $"writes through {client.BaseAddress} did not succeed again after the space returned");
            }

            // kill -9 of a silo holding shards: they reopen on the other from the shared root.
            var placement = await ClusterProbes.Placement(clients[0]);
            var victim = placement.ContainsValue(second.ProcessId) ? 1 : 0;
            Assert.True(placement.ContainsValue((victim == 1 ? second : first).ProcessId), "no silo but one holds shards");
            (victim == 1 ? second : first).KillHard();
            var survivor = clients[1 - victim];
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(120) && !await ClusterProbes.Complete(survivor, "fault"))
            {
                await Task.Delay(500);
            }

            await FaultInjectionTests.AssertAllPresent(survivor, acknowledged);
            output.WriteLine($"acknowledged writes: {acknowledged.Count}, lost: 0, shards back after {clock.Elapsed.TotalSeconds:F1} s, "
                + $"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
            Assert.True(statuses.GetValueOrDefault(507) + statuses.GetValueOrDefault(503) > 0, "the disk never filled up");
            Assert.DoesNotContain(statuses, s => s.Key >= 500 && s.Key is not 507 and not 503);
            Assert.NotEmpty(acknowledged);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
