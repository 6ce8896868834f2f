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
/// What one search costs per phase on N shards in one process (#15): dfs, query and fetch, the shard's CPU in each,
/// and, on an interleaved second pass over the same shards, the CPU and bytes of copying every shard message through
/// Orleans' generated serializer both ways (the serialization part of a grain call). The cluster bench measures the
/// whole hop over HTTP.
/// </summary>
public static class HopBench
{
    public static async Task<int> RunAsync(FileInfo data, int limit, int shards, int perClass, int rounds, DirectoryInfo output, CancellationToken cancellationToken)
    {
        var articles = CorpusReader.Read(data.FullName, limit);
        output.Create();
        var path = Path.Combine(output.FullName, $"hop-{shards}");
        ShardedBuild.BuildUnlessHeld(path, shards, articles, cancellationToken);

        using var index = new ShardedArticleIndex(path, shards);
        var meter = new PhaseMeter();
        var locals = index.Shards.Select(s => new LocalShard(s, new SearchOptions())).ToList();
        using var plain = new ShardedSearcher([.. locals.Select(l => new MeteredShard(l, meter, copyOverWire: false))], new SearchOptions());
        using var copied = new ShardedSearcher([.. locals.Select(l => new MeteredShard(l, meter, copyOverWire: true))], new SearchOptions());
        var queries = new QuerySetBuilder(articles, 42).Build(perClass,
            word => plain.SearchAsync(new SearchRequest { Query = word, Size = 1, IncludeFacets = false }, FuzzyMode.Off, cancellationToken).GetAwaiter().GetResult().Total);
        // One untimed pass of each: JIT and caches warm before anything is timed.
        foreach (var query in queries)
        {
            await plain.SearchAsync(LuceneEngine.ToRequest(query), FuzzyMode.Off, cancellationToken);
            await copied.SearchAsync(LuceneEngine.ToRequest(query), FuzzyMode.Off, cancellationToken);
        }

        meter.Take();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"# Phases on {shards} shards in one process: {articles.Count} articles, load average at start {ProcessUsage.LoadAverage()}");
        report.AppendLine();
        report.AppendLine("| class | CPU ms/query direct | CPU ms/query with wire copies | dfs shard CPU ms | query shard CPU ms | fetch shard CPU ms | dfs copy ms / KB | query copy ms / KB | fetch copy ms / KB |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var group in queries.GroupBy(q => q.Class))
        {
            var cpu = new[] { 0.0, 0.0 };
            var phases = new IReadOnlyDictionary<string, PhaseTotals>[2];
            var count = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var query in group)
                {
                    count++;
                    foreach (var (searcher, i) in new[] { (plain, 0), (copied, 1) })
                    {
                        var before = Process.GetCurrentProcess().TotalProcessorTime;
                        await searcher.SearchAsync(LuceneEngine.ToRequest(query), FuzzyMode.Off, cancellationToken);
                        cpu[i] += (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
                        phases[i] = Add(phases[i], meter.Take());
                    }
                }
            }

            string Shard(string phase) => (phases[0][phase].ShardCpuMs / count).ToString("F2", CultureInfo.InvariantCulture);
            string Copy(string phase) => string.Create(CultureInfo.InvariantCulture,
                $"{phases[1][phase].CopyCpuMs / count:F2} / {phases[1][phase].Bytes / 1024.0 / count:F1}");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {cpu[0] / count:F2} | {cpu[1] / count:F2} | {Shard(PhaseMeter.Dfs)} | {Shard(PhaseMeter.Query)} | {Shard(PhaseMeter.Fetch)} | {Copy(PhaseMeter.Dfs)} | {Copy(PhaseMeter.Query)} | {Copy(PhaseMeter.Fetch)} |");
            Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {group.Key} done");
        }

        foreach (var local in locals)
        {
            local.Dispose();
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end {ProcessUsage.LoadAverage()}. Per query: shard CPU summed over the {shards} shards' calls of that phase; copy = serialize + deserialize of arguments and answers.");
        var file = Path.Combine(output.FullName, $"hop-{shards}.md");
        await File.WriteAllTextAsync(file, report.ToString(), cancellationToken);
        Console.WriteLine(report);
        return 0;
    }

    private static IReadOnlyDictionary<string, PhaseTotals> Add(IReadOnlyDictionary<string, PhaseTotals>? sum, IReadOnlyDictionary<string, PhaseTotals> more) =>
        sum is null ? more : PhaseMeter.Phases.ToDictionary(p => p, p => new PhaseTotals(sum[p].Calls + more[p].Calls, sum[p].ShardCpuMs + more[p].ShardCpuMs,
            sum[p].CopyCpuMs + more[p].CopyCpuMs, sum[p].Bytes + more[p].Bytes), StringComparer.Ordinal);
}
