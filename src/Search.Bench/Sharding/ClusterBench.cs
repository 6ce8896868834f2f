using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Search.Bench.Corpus;
using Search.Bench.Http;
using Search.Bench.Queries;

namespace Search.Bench.Sharding;

/// <summary>
/// The sharded index served by real Search.Api processes (#15): shards in one process, shard grains on an
/// in-process silo, or N silos with Redis membership, over one data root. Ingests through <c>POST /articles/bulk</c>
/// (or serves an index built before), then runs the shard bench's query classes over HTTP with the API's defaults:
/// p50/p95 per class and the CPU of every server process per query, so the Orleans hop and the second silo show up
/// as CPU, not only as wall time on a shared machine. Each query's top-10 ids go to a file, to compare configurations.
/// </summary>
public static class ClusterBench
{
    public static async Task<int> RunAsync(ClusterBenchSettings settings, CancellationToken cancellationToken)
    {
        var corpus = CorpusReader.Read(settings.Data.FullName, settings.Limit);
        var articles = CorpusReader.Replicate(corpus, settings.Scale);
        var silos = settings.Mode == ClusterBenchMode.Redis ? settings.Silos : 1;
        var label = $"{settings.Mode.ToString().ToLowerInvariant()}-{silos}silo-{settings.Shards}shard-x{settings.Scale}";
        settings.Output.Create();
        var indexPath = settings.Index?.FullName ?? Path.Combine(settings.Output.FullName, label, "index");
        if (settings.Index is null && Directory.Exists(Path.GetDirectoryName(indexPath)))
        {
            Directory.Delete(Path.GetDirectoryName(indexPath)!, recursive: true);
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"# {label}: {articles.Count} articles ({corpus.Count} ×{settings.Scale}), {Environment.ProcessorCount} cores (shared), load average at start {ProcessUsage.LoadAverage()}");
        var startClock = Stopwatch.StartNew();
        using var cluster = await ServerCluster.StartAsync(settings.Mode, silos, settings.Shards, indexPath, cancellationToken);
        Log($"{label}: {silos} server process(es) up in {startClock.Elapsed.TotalSeconds:F0} s on {indexPath}");
        var clients = Enumerable.Range(0, silos).Select(cluster.Client).ToList();
        try
        {
            if (settings.Index is null)
            {
                var cpu = cluster.CpuSeconds();
                var clock = Stopwatch.StartNew();
                var acknowledged = await BulkIngest.SendAsync(clients, articles, cancellationToken);
                while (await CountAsync(clients[0], cancellationToken) < acknowledged)
                {
                    await Task.Delay(200, cancellationToken);
                }

                var wall = clock.Elapsed.TotalSeconds;
                var cpuSeconds = cluster.CpuSeconds() - cpu;
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"\nIngest over POST /articles/bulk ({silos} stream(s), extraction included): {acknowledged} acknowledged, {wall:F1} s wall, {acknowledged / wall:F0} art/s, {cpuSeconds:F1} CPU-s of the servers ({cpuSeconds * 1000 / acknowledged:F2} ms/article), load average {ProcessUsage.LoadAverage()}");
                Log($"ingested {acknowledged} in {wall:F0} s, {cpuSeconds:F0} CPU-s");
            }
            else
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"\nServing the index built before at {indexPath} ({await CountAsync(clients[0], cancellationToken)} articles); no ingest.");
            }

            var disk = new DirectoryInfo(indexPath).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1e6;
            var queries = new QuerySetBuilder(corpus, 42).Build(settings.PerClass, word => TotalAsync(clients[0], word, cancellationToken).GetAwaiter().GetResult() / settings.Scale);
            // One untimed pass: every server's JIT and caches warm on every class before any is timed.
            foreach (var query in queries)
            {
                await SearchAsync(clients[0], query, cancellationToken);
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"Disk {disk:F0} MB; RSS per server after warm-up: {string.Join(", ", cluster.ProcessIds.Select(p => ProcessUsage.ResidentMegabytes(p).ToString("F0", CultureInfo.InvariantCulture)))} MB (last is Redis when present)");
            report.AppendLine();
            report.AppendLine("| config | class | p50 ms | p95 ms | server CPU ms/query | load avg |");
            report.AppendLine("|---|---|---|---|---|---|");
            var tops = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var group in queries.GroupBy(q => q.Class))
            {
                var latencies = new List<double>();
                var cpu = cluster.CpuSeconds();
                for (var round = 0; round < settings.Rounds; round++)
                {
                    foreach (var (query, i) in group.Select((q, i) => (q, i)))
                    {
                        // Alternate silos: any silo coordinates any search, as behind a load balancer.
                        var clock = Stopwatch.StartNew();
                        var ids = await SearchAsync(clients[i % clients.Count], query, cancellationToken);
                        latencies.Add(clock.Elapsed.TotalMilliseconds);
                        tops[HttpTargets.PathOf(query)] = ids;
                    }
                }

                var cpuMs = (cluster.CpuSeconds() - cpu) * 1000 / latencies.Count;
                latencies.Sort();
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {label} | {group.Key} | {latencies[latencies.Count / 2]:F2} | {latencies[(int)(latencies.Count * 0.95)]:F2} | {cpuMs:F2} | {ProcessUsage.LoadAverage()} |");
                Log($"  {group.Key}: p50 {latencies[latencies.Count / 2]:F1} ms, {cpuMs:F1} CPU ms/query");
            }

            await File.WriteAllTextAsync(Path.Combine(settings.Output.FullName, $"tops-{label}.json"), JsonSerializer.Serialize(tops), cancellationToken);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        var file = Path.Combine(settings.Output.FullName, $"cluster-{label}.md");
        await File.WriteAllTextAsync(file, report.ToString(), cancellationToken);
        Console.WriteLine(report);
        Console.WriteLine($"Written to {file}");
        return 0;
    }

    private static async Task<IReadOnlyList<string>> SearchAsync(HttpClient client, BenchQuery query, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(HttpTargets.PathOf(query), UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return [.. body.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!)];
    }

    private static async Task<int> TotalAsync(HttpClient client, string word, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri($"/search?q={Uri.EscapeDataString(word)}&size=1&facets=false", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return body.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task<int> CountAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative), cancellationToken));
        return body.RootElement.GetProperty("articles").GetInt32();
    }

    private static void Log(string message) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");
}
