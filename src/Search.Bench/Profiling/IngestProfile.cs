using System.Diagnostics;
using Search.Bench.Corpus;
using Search.Bench.Engines;
using Search.Bench.Measurement;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Bench.Profiling;

/// <summary>
/// <c>ingest-profile</c> (#23): where ingest spends its CPU, in one run on one corpus slice. Extraction per step
/// (<see cref="ExtractionProfile"/>), extraction of the whole slice as the bulk endpoint runs it (on 1 and on N
/// threads, results in input order), the bulk build without extraction per part (<see cref="BuildProfile"/>), and
/// the FTS5 peer's build of the same articles, each in articles per CPU-second so the ratio survives a busy machine.
/// </summary>
public static class IngestProfile
{
    public static int Run(FileInfo data, int limit, DirectoryInfo output, int threads, bool skipSteps, bool compareSettings)
    {
        var work = Path.Combine(output.FullName, "ingest-profile");
        Directory.CreateDirectory(work);
        Console.WriteLine($"load average at start: {LoadAverage()}");
        var given = CorpusReader.Read(data.FullName, limit);
        var raws = given.Select(CorpusReader.ToRaw).ToList();
        Console.WriteLine($"{raws.Count:N0} articles from {data.Name}");

        if (!skipSteps)
        {
            var steps = ExtractionProfile.Measure(raws);
            Console.WriteLine();
            Console.WriteLine("| extraction step, 1 thread | CPU ms | µs per article |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (step, cpu) in steps)
            {
                Console.WriteLine($"| {step} | {cpu:N0} | {cpu * 1000 / raws.Count:N0} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| extraction (ArticleIngestor.Extract, input order) | threads | CPU s | wall s | articles per CPU-s | articles/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        List<Article> articles = [];
        // Comparing writer settings needs the articles once, not the extraction rows.
        foreach (var n in threads == 1 || compareSettings ? new[] { threads } : [1, threads])
        {
            var (extracted, cpu, wall) = Extract(raws, n);
            articles = extracted;
            Console.WriteLine($"| ours | {n} | {cpu / 1000:N1} | {wall / 1000:N1} | {raws.Count / (cpu / 1000):N0} | {raws.Count / (wall / 1000):N0} |");
        }

        if (compareSettings)
        {
            BuildProfile.CompareSettings(articles, threads == 1 ? [1] : [1, threads], work, rounds: 2);
        }
        else
        {
            BuildProfile.Report(articles, threads == 1 ? [1] : [1, threads], work);
        }

        var fts = Path.Combine(work, "fts5.db");
        GC.Collect();
        var began = ProcessCpuClock.NowMs();
        var clock = Stopwatch.StartNew();
        using (var sqlite = new SqliteFtsEngine(fts))
        {
            sqlite.Build(articles, CancellationToken.None);
        }

        var ftsCpu = ProcessCpuClock.NowMs() - began;
        Console.WriteLine($"| SQLite FTS5 (one transaction) | 1 | | | | {ftsCpu / 1000:N1} | {articles.Count / (ftsCpu / 1000):N0} | {clock.Elapsed.TotalSeconds:N1} | {new FileInfo(fts).Length / 1e6:N0} |");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(work, "fts5.db*"))
        {
            File.Delete(file);
        }

        Console.WriteLine();
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    /// <summary>Extracts every raw article on <paramref name="threads"/> threads into input order, as the bulk endpoint does.</summary>
    private static (List<Article> Articles, double CpuMs, double WallMs) Extract(List<RawArticle> raws, int threads)
    {
        var extracted = new Article?[raws.Count];
        GC.Collect();
        var began = ProcessCpuClock.NowMs();
        var clock = Stopwatch.StartNew();
        Parallel.For(0, raws.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            try
            {
                extracted[i] = ArticleIngestor.Extract(raws[i]);
            }
            catch (ArticleWriteException)
            {
                extracted[i] = null;
            }
        });
        var wall = clock.Elapsed.TotalMilliseconds;
        return ([.. extracted.OfType<Article>()], ProcessCpuClock.NowMs() - began, wall);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
