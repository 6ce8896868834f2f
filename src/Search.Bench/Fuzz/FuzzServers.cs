using Search.Bench.Http;
using Search.Bench.Sharding;

namespace Search.Bench.Fuzz;

/// <summary>
/// The real servers a fuzz run talks to, on a fresh index: one Search.Api process for one index (as the run always
/// started it), or the cluster bench's <see cref="ServerCluster"/> for shards and silos. Disposing stops them all.
/// </summary>
internal sealed class FuzzServers : IDisposable
{
    private const string OneIndexKey = "fuzz-key";

    private readonly IDisposable _processes;
    private readonly string _key;

    private FuzzServers(IDisposable processes, IReadOnlyList<Uri> addresses, string key)
    {
        _processes = processes;
        Addresses = addresses;
        _key = key;
    }

    /// <summary>Every server answering the API (one, or one per silo).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public static async Task<FuzzServers> StartAsync(string index, FuzzLayout layout, CancellationToken cancellationToken)
    {
        // Errors only: a hostile request per line at Warning would fill the pipes and slow the run.
        var settings = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Error" };
        if (layout.IsOneIndex)
        {
            settings["Search__ApiKey"] = OneIndexKey;
            var server = await ApiServer.StartAsync(index, settings, cancellationToken);
            return new FuzzServers(server, [server.Address], OneIndexKey);
        }

        // The cluster bench turns the result cache off to time every search; the fuzz keeps the served default.
        settings["Search__ResultCacheSize"] = new Search.Core.SearchOptions().ResultCacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cluster = await ServerCluster.StartAsync(layout.Mode, layout.Silos, layout.Shards, index, cancellationToken, settings);
        return new FuzzServers(cluster, cluster.Addresses, cluster.ApiKey);
    }

    /// <summary>A client of one server, carrying the write key.</summary>
    public HttpClient Client(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", _key);
        return http;
    }

    /// <summary>Deletes the run's index and what the servers keep beside it.</summary>
    public static void DeleteIndex(string index)
    {
        foreach (var path in new[] { index, index + ".backups", index + ".alerts" })
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        foreach (var file in new[] { index + ".wal", index + ".wal.quarantine", index + ".apikey" })
        {
            File.Delete(file);
        }
    }

    public void Dispose() => _processes.Dispose();
}
