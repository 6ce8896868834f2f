using System.Diagnostics;
using System.Globalization;
using System.Text;
using Search.Bench.Corpus;
using Search.Bench.Engines;
using Search.Bench.Queries;
using Search.Core;
using Search.Core.Engine;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;

namespace Search.Bench.Sharding;

/// <summary>
/// One index against N shards in one process (#15): the bulk ingest rate, disk and heap per shard, and per query
/// class the p50 latency and the CPU a query costs (process CPU time over the class's queries, so other processes on
/// a shared machine do not count), plus how many top-10 answers differ from one index's. Feeds docs/scale-out.md.
/// </summary>
public static class ShardBench
{
    public static async Task<int> RunAsync(FileInfo data, int limit, int scale, IReadOnlyList<int> shardCounts, int perClass, int rounds, DirectoryInfo output,
        CancellationToken cancellationToken)
    {
        var corpus = CorpusReader.Read(data.FullName, limit);
        var articles = CorpusReader.Replicate(corpus, scale);
        output.Create();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"# Shards in one process: {articles.Count} articles ({corpus.Count} of {data.Name} ×{scale}), {Environment.ProcessorCount} cores (shared machine), load average at start {ProcessUsage.LoadAverage()}");
        report.AppendLine();
        report.AppendLine("| shards | ingest wall s | ingest art/s | ingest CPU s | disk MB | disk MB/shard | heap MB after open | RSS MB after open | load avg after ingest |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        var perClassRows = new StringBuilder();
        perClassRows.AppendLine("| shards | class | p50 ms | p95 ms | CPU ms/query | top-10 differs from 1 shard |");
        perClassRows.AppendLine("|---|---|---|---|---|---|");
        List<BenchQuery>? queries = null;
        Dictionary<BenchQuery, IReadOnlyList<string>>? reference = null;
        foreach (var shards in shardCounts)
        {
            var path = Path.Combine(output.FullName, $"shards-{shards}");
            var (wall, cpu) = Measure(() => ShardedBuild.Build(path, shards, articles, cancellationToken));
            var disk = new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1e6;
            var heapBefore = HeapBytes();
            using var index = new ShardedArticleIndex(path, shards);
            var locals = index.Shards.Select(s => new LocalShard(s, new SearchOptions())).ToList();
            using var sharded = new ShardedSearcher(locals, new SearchOptions());
            using var single = shards == 1 ? new ArticleSearcher(index.Shards[0], new SearchOptions()) : null;
            // Each reader's per-reader state is built at open; a first search warms the rest.
            await Search(single, sharded, new SearchRequest { Query = "the" }, cancellationToken);
            var heap = (HeapBytes() - heapBefore) / 1e6;
            var rss = Process.GetCurrentProcess().WorkingSet64 / 1e6;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {shards} | {wall:F1} | {articles.Count / wall:F0} | {cpu:F1} | {disk:F0} | {disk / shards:F0} | {heap:F0} | {rss:F0} | {ProcessUsage.LoadAverage()} |");
            Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {shards} shard(s): built in {wall:F0} s wall, {cpu:F0} s CPU; {disk:F0} MB; heap {heap:F0} MB; RSS {rss:F0} MB");

            // Queries come from the base corpus and its match counts (a copy matches exactly ×scale as often), so the
            // ×1 and ×N runs time the same queries.
            queries ??= new QuerySetBuilder(corpus, 42).Build(perClass,
                word => sharded.SearchAsync(new SearchRequest { Query = word, Size = 1, IncludeFacets = false }, FuzzyMode.Off, cancellationToken).GetAwaiter().GetResult().Total / scale);
            var tops = new Dictionary<BenchQuery, IReadOnlyList<string>>();
            foreach (var group in queries.GroupBy(q => q.Class))
            {
                var latencies = new List<double>();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                for (var round = 0; round < rounds; round++)
                {
                    foreach (var query in group)
                    {
                        var clock = Stopwatch.StartNew();
                        var response = await Search(single, sharded, LuceneEngine.ToRequest(query), cancellationToken);
                        latencies.Add(clock.Elapsed.TotalMilliseconds);
                        tops[query] = [.. response.Hits.Select(h => h.Id)];
                    }
                }

                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / latencies.Count;
                latencies.Sort();
                var differs = reference is null ? 0 : group.Count(q => !reference[q].SequenceEqual(tops[q]));
                perClassRows.AppendLine(CultureInfo.InvariantCulture,
                    $"| {shards} | {group.Key} | {latencies[latencies.Count / 2]:F2} | {latencies[(int)(latencies.Count * 0.95)]:F2} | {cpuMs:F2} | {differs}/{group.Count()} |");
            }

            reference ??= tops;
            foreach (var local in locals)
            {
                local.Dispose();
            }
        }

        report.AppendLine();
        report.Append(perClassRows);
        var file = Path.Combine(output.FullName, "shards.md");
        await File.WriteAllTextAsync(file, report.ToString(), cancellationToken);
        Console.WriteLine(report);
        Console.WriteLine($"Written to {file}");
        return 0;
    }

    private static async Task<SearchResponse> Search(ArticleSearcher? single, ShardedSearcher sharded, SearchRequest request, CancellationToken cancellationToken) =>
        single is not null ? single.Search(request, cancellationToken) : await sharded.SearchAsync(request, FuzzyMode.Off, cancellationToken);

    private static (double WallSeconds, double CpuSeconds) Measure(Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static long HeapBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
