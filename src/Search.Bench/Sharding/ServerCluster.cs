using System.Globalization;
using Search.Shared;

namespace Search.Bench.Sharding;

/// <summary>
/// The real servers of one cluster bench configuration, over one data root: one Search.Api process (mode none: shards
/// in process; local: shard grains on an in-process silo) or N silos with membership in a Redis server this class
/// starts (redis). The first silo starts alone, as scripts/cluster does, so it lays the shards out; the shards are
/// spread over every silo afterwards. Disposing stops every process it started.
/// </summary>
internal sealed class ServerCluster : IDisposable
{
    private readonly List<ApiServerProcess> _silos = [];
    private RedisProcess? _redis;

    private ServerCluster(string apiKey) => ApiKey = apiKey;

    public string ApiKey { get; }

    public IReadOnlyList<Uri> Addresses => [.. _silos.Select(s => s.Address)];

    /// <summary>Every process doing the cluster's work (the silos and Redis), for CPU accounting.</summary>
    public IReadOnlyList<int> ProcessIds => [.. _silos.Select(s => s.ProcessId), .. _redis is null ? Array.Empty<int>() : [_redis.ProcessId]];

    public double CpuSeconds() => ProcessIds.Sum(ProcessUsage.CpuSeconds);

    // settings: extra environment settings for every server, over the ones below (the fuzz run's log level and result cache).
    public static async Task<ServerCluster> StartAsync(ClusterBenchMode mode, int silos, int shards, string indexPath, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new ServerCluster(Guid.NewGuid().ToString("N"));
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Search__IndexPath"] = Path.GetFullPath(indexPath),
                ["Search__SeedsPath"] = "",
                ["Search__Shards"] = shards.ToString(CultureInfo.InvariantCulture),
                ["Search__ApiKey"] = cluster.ApiKey,
                // One client measuring the server, not the per-client limit; every request searches (no result cache).
                ["Search__RateLimitPerSecond"] = "0",
                ["Search__ResultCacheSize"] = "0",
                ["Search__Cluster__Mode"] = mode.ToString(),
                ["Search__Cluster__ClusterId"] = "scale-bench-" + cluster.ApiKey[..8],
                // A grain call times out after 3 probe timeouts (6 s by default). On a loaded machine a bulk batch's
                // write call took longer: the shard stored the articles, the coordinator answered "not stored" for
                // every line (seen at load average 35). 10 s probes give calls 30 s; the bench measures speed, not failover.
                ["Search__Cluster__ProbeTimeoutSeconds"] = "10",
            };
            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            {
                environment[name] = value;
            }

            if (mode == ClusterBenchMode.Redis)
            {
                cluster._redis = RedisProcess.Start();
                environment["Search__Cluster__Redis"] = "127.0.0.1:" + cluster._redis.Port.ToString(CultureInfo.InvariantCulture);
            }

            for (var i = 0; i < (mode == ClusterBenchMode.Redis ? silos : 1); i++)
            {
                cluster._silos.Add(await ApiServerProcess.StartAsync(environment, TimeSpan.FromMinutes(10),
                    workingDirectory: Path.GetDirectoryName(ApiServerProcess.ApiAssemblyPath()),
                    errorLine: line => Console.Error.WriteLine($"  [silo {i + 1}] {line}"), cancellationToken));
            }

            if (cluster._silos.Count > 1)
            {
                using var client = cluster.Client(0);
                using var response = await client.PostAsync(new Uri("/admin/shards/rebalance", UriKind.Relative), null, cancellationToken);
                response.EnsureSuccessStatusCode();
            }

            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>A client of silo <paramref name="silo"/> carrying the API key.</summary>
    public HttpClient Client(int silo)
    {
        var client = new HttpClient { BaseAddress = _silos[silo].Address, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public void Dispose()
    {
        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        _redis?.Dispose();
    }
}
