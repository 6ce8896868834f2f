using System.Diagnostics;
using Search.Bench.Engines;
using Search.Bench.Measurement;
using Search.Bench.Reporting;
using Search.Core.Articles;

namespace Search.Bench;

/// <summary>
/// The indexing phase: find the Xapian peer, then build every engine's index from the same articles, timing
/// each (or reopen a previous run's indexes).
/// </summary>
public static partial class BenchRun
{
    /// <summary>Builds every index, timing each: the indexing rows of the report.</summary>
    private static List<IndexingResult> BuildIndexes(LuceneEngine lucene, SqliteFtsEngine sqlite, XapianEngine? xapian, List<Article> articles,
        BenchSettings settings, string work, CancellationToken cancellationToken)
    {
        var indexing = new List<IndexingResult>();
        // The per-write path (live ingest) on one thread, the bulk path on one thread, then the bulk path on
        // --index-threads threads: that last index is the one queried.
        foreach (var (name, threads, bulk) in new[] { ("upsert-1thread", 1, false), ("bulk-1thread", 1, true) }
            .Where(e => !settings.BulkOnly && (e.Item2 != settings.IndexThreads || !e.Item3)))
        {
            using (var other = new LuceneEngine(Path.Combine(work, "lucene-" + name), threads, bulk))
            {
                indexing.Add(Index(other, threads, articles, cancellationToken));
            }

            Directory.Delete(Path.Combine(work, "lucene-" + name), recursive: true);
        }

        indexing.Add(Index(lucene, settings.IndexThreads, articles, cancellationToken));
        indexing.Add(Index(sqlite, 1, articles, cancellationToken));
        if (xapian is not null && settings.ReuseXapian && xapian.HasIndexOf(articles.Count))
        {
            Log("  reusing the Xapian index of a previous run (--reuse-xapian): no Xapian indexing row");
        }
        else if (xapian is not null)
        {
            indexing.Add(Index(xapian, 1, articles, cancellationToken));
        }

        return indexing;
    }

    /// <summary>
    /// Opens the indexes a previous run left in --out when each holds <paramref name="articles"/> documents (to
    /// iterate on query speed without rebuilding); null when one is missing or of another size. No indexing rows.
    /// </summary>
    private static List<IndexingResult>? ReuseIndexes(LuceneEngine lucene, SqliteFtsEngine sqlite, XapianEngine? xapian, string work, int articles)
    {
        if (!Directory.Exists(lucene.IndexPath) || !File.Exists(Path.Combine(work, "fts5.db")) || (xapian is not null && !xapian.HasIndexOf(articles)))
        {
            Log("  --reuse-indexes: an index is missing or of another size; building all");
            return null;
        }

        lucene.OpenExisting();
        if (lucene.Index.Count != articles || sqlite.CountAll() != articles)
        {
            lucene.Dispose();
            Log("  --reuse-indexes: an index is of another size; building all");
            return null;
        }

        Log("  reusing the indexes of a previous run (--reuse-indexes): no indexing rows");
        return [];
    }

    /// <summary>The Xapian peer when Debian's python3-xapian is installed; otherwise null, with the reason logged and noted.</summary>
    private static XapianEngine? ProbeXapian(string path, List<string> notes)
    {
        var (version, problem) = XapianPeer.Probe();
        if (version is null)
        {
            Log($"Xapian peer skipped: {problem}. Install it with: apt-get install -y python3-xapian");
            notes.Add($"Xapian was not measured: {problem} (apt-get install -y python3-xapian).");
            return null;
        }

        Log($"Xapian {version} found (python3-xapian via {XapianPeer.Python})");
        notes.Add($"Xapian {version} through Debian's python3-xapian, one child process per session speaking JSON lines; its latency is its own time inside that process (the pipe is not charged), its build CPU is that process's CPU. Porter stemmer, title words counted twice, exact counts (checkatleast = all documents); outlet and month by ValueCountMatchSpy, speakers and sources (boolean terms XS/XR) by a ValueCountMatchSpy on a slot of the article's joined values, split into values in Python afterwards (part of its time; Xapian 1.4 has no multi-valued count spy); the outlet filter also narrows its outlet facet.");
        return new XapianEngine(path);
    }

    private static IndexingResult Index(ISearchEngine engine, int threads, List<Article> articles, CancellationToken cancellationToken)
    {
        Log($"Indexing {articles.Count:N0} articles into {engine.Name} ({threads} thread(s))");
        long size;
        TimeSpan elapsed;
        using (var memory = new MemorySampler())
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            size = engine.Build(articles, cancellationToken);
            elapsed = stopwatch.Elapsed;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            // The Xapian peer builds in its own process: its CPU is what it reports, not ours (JSON writing).
            cpuSeconds = engine is XapianEngine peer ? peer.LastBuildCpuSeconds : cpuSeconds;
            memory.Dispose();
            var megabytes = TextMegabytes(articles);
            var result = new IndexingResult(engine.Name, threads, articles.Count, megabytes, elapsed.TotalSeconds,
                articles.Count / elapsed.TotalSeconds, megabytes / elapsed.TotalSeconds, size,
                memory.PeakManaged, memory.PeakWorkingSet, memory.PeakWorkingSet - memory.StartWorkingSet, cpuSeconds);
            Log($"  {result.ArticlesPerSecond:N0} articles/s, {result.MegabytesPerSecond:N2} MB/s, {size / 1e6:N1} MB on disk, {cpuSeconds:N1} CPU s");
            return result;
        }
    }
}
