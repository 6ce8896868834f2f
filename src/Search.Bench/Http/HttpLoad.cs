using System.Collections.Concurrent;
using System.Diagnostics;
using Search.Bench.Measurement;

namespace Search.Bench.Http;

/// <summary>Throughput and latency of one endpoint at one concurrency.</summary>
public sealed record HttpTiming(string Target, int Concurrency, LatencyStats Stats, int Errors);

/// <summary>
/// Closed-loop load over loopback: <c>concurrency</c> workers, each sending its next request as soon as the
/// previous answer is read, for a fixed time or request count, whichever ends first.
/// </summary>
public sealed class HttpLoad(Uri baseAddress, TimeSpan duration, int maxRequests)
{
    public async Task<HttpTiming> RunAsync(string target, IReadOnlyList<string> paths, int concurrency, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // Open the connections and let the server's JIT settle (tiered compilation) before the clock starts.
        var warmUp = Stopwatch.StartNew();
        var warmUpTime = TimeSpan.FromTicks(Math.Min(duration.Ticks / 2, TimeSpan.FromSeconds(3).Ticks));
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = worker; warmUp.Elapsed < warmUpTime || i == worker; i += concurrency)
            {
                await SendAsync(client, paths[i % paths.Count], cancellationToken);
            }
        }));

        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while (wall.Elapsed < duration && (i = Interlocked.Increment(ref next)) < maxRequests)
            {
                var began = Stopwatch.GetTimestamp();
                var ok = await SendAsync(client, paths[i % paths.Count], cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return new HttpTiming(target, concurrency, LatencyStats.From(latencies, wall.Elapsed.TotalSeconds), errors);
    }

    private static async Task<bool> SendAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellationToken);
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
