using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Bench.Corpus;
using Search.Bench.Engines;
using Search.Bench.Http;
using Search.Bench.Measurement;
using Search.Bench.Profiling;
using Search.Bench.Queries;
using Search.Bench.Reporting;
using Search.Core.Articles;

namespace Search.Bench;

/// <summary>The benchmark, phase by phase: load, index both, query both, HTTP, scale, report.</summary>
public static partial class BenchRun
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<int> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.Data.Exists)
        {
            await Console.Error.WriteLineAsync($"error: corpus '{settings.Data.FullName}' not found.");
            return 2;
        }

        var started = DateTime.UtcNow;
        var work = Path.Combine(settings.Out.FullName, "work");
        Directory.CreateDirectory(work);
        var notes = new List<string>
        {
            "Articles go through the product's ingest extraction (ArticleIngestor.Extract, as POST /articles/bulk runs it; the corpus's outlet, title and date are given and win), so they carry extracted speakers, sources and quotes; every engine indexes those same articles. The bulk endpoint's speaker-name resolution against the index is not run (it depends on ingest order).",
            "Every engine counts the four facets /search counts by default (outlet, month, speaker, source; top 20 each) on every class.",
            "SQLite: external-content FTS5 (text stored once), WAL, one transaction, mmap 1 GB and 64 MB page cache on readers; ranked by ORDER BY rank = bm25(2.0, 1.0) with snippet() per hit; total, outlet and month by one GROUP BY outlet, month over the matches (the outlet facet ignores the outlet filter, as ours); speakers and sources by joining the matches to a (rowid, value) table each and GROUP BY.",
            "Sloppy phrases: Lucene \"a b\"~3 (ordered, reversal costs 2) vs FTS5 NEAR(a b, 3) (unordered), so totals can differ slightly. BM25 variants differ (Lucene per-field norms with boosts vs FTS5 column-weighted), so relevance order overlaps only partly; date order is identical.",
        };

        Log($"Reading {settings.Data.FullName} (limit {(settings.Limit == int.MaxValue ? "none" : settings.Limit)})");
        var extractionCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var extractionClock = Stopwatch.StartNew();
        var articles = CorpusReader.ReadExtracted(settings.Data.FullName, settings.Limit, settings.IndexThreads, out var rejected);
        var extractionSeconds = (Process.GetCurrentProcess().TotalProcessorTime - extractionCpu).TotalSeconds;
        Log($"  {articles.Count:N0} articles ({rejected} rejected by ingest), {TextMegabytes(articles):N1} MB of title and body text (UTF-8)");
        Log($"  read and extracted in {extractionClock.Elapsed.TotalSeconds:N1} s on {settings.IndexThreads} thread(s): {articles.Count / extractionClock.Elapsed.TotalSeconds:N0} articles/s, {articles.Count / extractionSeconds:N0} articles per CPU-second; {articles.Sum(a => a.Speakers.Count):N0} speakers, {articles.Sum(a => a.Sources.Count):N0} sources, {articles.Sum(a => a.Quotes.Count):N0} quotes");
        notes.Add($"Extraction (read + ArticleIngestor.Extract, {settings.IndexThreads} threads): {articles.Count / extractionClock.Elapsed.TotalSeconds:N0} articles/s wall, {articles.Count / extractionSeconds:N0} articles per CPU-second; {rejected} lines rejected.");

        var lucene = new LuceneEngine(Path.Combine(work, "lucene"), settings.IndexThreads);
        using var sqlite = new SqliteFtsEngine(Path.Combine(work, "fts5.db"));
        using var xapian = ProbeXapian(Path.Combine(work, "xapian"), notes);
        try
        {
            var indexing = settings.ReuseIndexes ? ReuseIndexes(lucene, sqlite, xapian, work, articles.Count) : null;
            if (indexing is null)
            {
                indexing = BuildIndexes(lucene, sqlite, xapian, articles, settings, work, cancellationToken);
            }

            Log($"  FTS5 ranked-page plan: {sqlite.ExplainRankedPage()}");

            var queries = new QuerySetBuilder(articles, settings.Seed).Build(settings.PerClass, sqlite.CountMatches);
            Log($"Built {queries.Count} queries (seed {settings.Seed}); warming up both engines");
            var runner = new QueryRunner(queries, settings.Rounds);
            if (settings.DumpHits is not null)
            {
                DumpHits(lucene, queries, settings.DumpHits.FullName);
            }

            var oursAnswers = runner.WarmUp(lucene);
            var theirAnswers = runner.WarmUp(sqlite);
            var xapianAnswers = xapian is null ? null : runner.WarmUp(xapian);
            var classes = Enum.GetValues<QueryClass>();
            Log("Timing our engine");
            var ours = runner.Time(lucene, classes);
            Log("Timing SQLite FTS5");
            var theirs = runner.Time(sqlite, classes);
            Log(xapian is null ? "Xapian skipped" : "Timing Xapian");
            var xapianTimes = xapian is null ? null : runner.Time(xapian, classes);
            // Boolean classes again, ordered by date: the same top 10 then means the same matches.
            var byDate = queries.Select(q => q with { Class = IsBoolean(q.Class) ? QueryClass.SortByDate : q.Class }).ToList();
            var oursByDate = new QueryRunner(byDate, 1).WarmUp(lucene);
            var theirsByDate = new QueryRunner(byDate, 1).WarmUp(sqlite);
            var comparisons = ours.Zip(theirs, (o, t) => new ClassComparison(o.Class, o, t,
                Agreement(queries, oursAnswers, theirAnswers, o.Class, Overlap),
                IsBoolean(o.Class) ? Agreement(queries, oursByDate, theirsByDate, o.Class, Overlap) : null,
                Agreement(queries, oursAnswers, theirAnswers, o.Class, TotalsClose))
            {
                Xapian = xapianTimes?.Single(x => x.Class == o.Class),
                XapianTotalsAgree = xapianAnswers is null ? null : Agreement(queries, oursAnswers, xapianAnswers, o.Class, TotalsClose),
            }).ToList();

            Log("Breaking down our search path");
            var breakdown = SearchBreakdown.Measure(lucene,
                queries.Where(q => q.Class is QueryClass.SingleTerm or QueryClass.PhraseWithFacets or QueryClass.DeepPage).ToList(), 1);

            lucene.Dispose();
            var http = settings.SkipHttp ? [] : await MeasureHttpAsync(lucene.IndexPath, queries, settings, cancellationToken);
            var scale = settings.Scale > 1 ? MeasureScale(articles, queries, settings, work, cancellationToken) : [];

            var analysisOnly = SearchBreakdown.MeasureAnalysisOnly(articles, 5000);
            var report = new BenchReport(started.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
                MachineDescription.Describe(), settings.Data.Name, articles.Count, queries.Count, settings.Rounds,
                indexing, analysisOnly, comparisons, http, scale, breakdown, [], notes);
            report = report with { Targets = TargetEvaluator.Evaluate(report) };
            Write(report, settings.Out.FullName);
            return 0;
        }
        finally
        {
            lucene.Dispose();
        }
    }

    private static double TotalsClose(QueryOutcome a, QueryOutcome b) =>
        Math.Abs(a.Total - b.Total) <= 0.02 * Math.Max(a.Total, b.Total) ? 1 : 0;

    private static bool IsBoolean(QueryClass queryClass) =>
        queryClass is QueryClass.SingleTerm or QueryClass.TwoTermAnd or QueryClass.TermWithOutletFilter;

    /// <summary>
    /// The real API twice: as shipped (the result cache answers the repeated query set after its first pass)
    /// and with the cache off, so every request searches.
    /// </summary>
    private static async Task<List<HttpTiming>> MeasureHttpAsync(string indexPath, List<BenchQuery> queries, BenchSettings settings, CancellationToken cancellationToken)
    {
        var terms = queries.Where(q => q.Class == QueryClass.SingleTerm).Select(q => Uri.EscapeDataString(q.ToLucene())).ToList();
        var servers = new (string Label, Dictionary<string, string> Settings, bool WithCeiling)[]
        {
            ("", [], true),
            (HttpTargets.CacheOff, new() { ["Search__ResultCacheSize"] = "0" }, false),
        };
        var timings = new List<HttpTiming>();
        foreach (var (label, serverSettings, withCeiling) in servers)
        {
            Log($"Starting Search.Api on the benchmark index{label}");
            using var server = await ApiServer.StartAsync(indexPath, serverSettings, cancellationToken);
            var targets = new List<(string Name, List<string> Paths)>
            {
                ($"{HttpTargets.TermWithoutFacets}{label}", [.. terms.Select(t => $"/search?q={t}&facets=false")]),
                ($"{HttpTargets.TermWithFacets}{label}", [.. terms.Select(t => $"/search?q={t}")]),
            };
            if (withCeiling)
            {
                targets.Insert(0, (HttpTargets.Ceiling, ["/health"]));
            }

            var load = new HttpLoad(server.Address, settings.HttpDuration, maxRequests: 200_000);
            if (!withCeiling)
            {
                // Every class as a user sends it (defaults: facets on, 10 snippets), one client, nothing cached.
                var perClass = new HttpLoad(server.Address, settings.HttpDuration / 2, maxRequests: 200_000);
                foreach (var group in queries.GroupBy(q => q.Class))
                {
                    var timing = await perClass.RunAsync(HttpTargets.PerClass(group.Key), [.. group.Select(HttpTargets.PathOf)], 1, cancellationToken);
                    Log($"  {timing.Target}: p50 {timing.Stats.P50Ms:0.00} ms, {timing.Errors} errors");
                    timings.Add(timing);
                }
            }

            foreach (var concurrency in new[] { 1, 16, 64 })
            {
                foreach (var (name, paths) in targets)
                {
                    var timing = await load.RunAsync(name, paths, concurrency, cancellationToken);
                    Log($"  {name} c={concurrency}: {timing.Stats.Qps:N0} req/s, p99 {timing.Stats.P99Ms:0.0} ms, {timing.Errors} errors");
                    timings.Add(timing);
                }
            }
        }

        return timings;
    }

    /// <summary>
    /// Builds the ×N corpus in each engine, then times term and phrase queries on the ×1 and ×N indexes in
    /// alternating passes, so both sizes see the same background load (the machine is shared).
    /// </summary>
    private static List<ScaleResult> MeasureScale(List<Article> articles, List<BenchQuery> queries, BenchSettings settings,
        string work, CancellationToken cancellationToken)
    {
        var scaled = CorpusReader.Replicate(articles, settings.Scale);
        var results = new List<ScaleResult>();
        var pairs = new (Func<ISearchEngine> One, ISearchEngine Big)[]
        {
            (() => new LuceneEngine(Path.Combine(work, "lucene")).OpenExisting(),
                new LuceneEngine(Path.Combine(work, "lucene-x" + settings.Scale), settings.IndexThreads)),
            (() => new SqliteFtsEngine(Path.Combine(work, "fts5.db")), new SqliteFtsEngine(Path.Combine(work, $"fts5-x{settings.Scale}.db"))),
        };
        foreach (var (openOne, big) in pairs)
        {
            using (big)
            using (var one = openOne())
            {
                var stopwatch = Stopwatch.StartNew();
                Log($"Scale ×{settings.Scale}: indexing {scaled.Count:N0} articles into {big.Name}");
                big.Build(scaled, cancellationToken);
                Log($"  done in {stopwatch.Elapsed.TotalSeconds:N0} s ({scaled.Count / stopwatch.Elapsed.TotalSeconds:N0} articles/s)");
                foreach (var queryClass in new[] { QueryClass.SingleTerm, QueryClass.ExactPhrase })
                {
                    var ofClass = queries.Where(q => q.Class == queryClass).ToList();
                    QueryRunner.TimeOnce(one, ofClass);
                    QueryRunner.TimeOnce(big, ofClass);
                    var (atOne, atBig) = (new List<double>(), new List<double>());
                    for (var round = 0; round < settings.Rounds; round++)
                    {
                        atOne.AddRange(QueryRunner.TimeOnce(one, ofClass));
                        atBig.AddRange(QueryRunner.TimeOnce(big, ofClass));
                    }

                    results.Add(new ScaleResult(big.Name, queryClass, settings.Scale, scaled.Count,
                        LatencyStats.From(atOne, 0).P50Ms, LatencyStats.From(atBig, 0).P50Ms));
                    Log($"  {queryClass}: p50 {results[^1].P50AtOne:0.00} → {results[^1].P50AtScale:0.00} ms");
                }
            }
        }

        // The ×N indexes are several GB; the ×1 ones stay for inspection.
        Directory.Delete(Path.Combine(work, "lucene-x" + settings.Scale), recursive: true);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path.Combine(work, $"fts5-x{settings.Scale}.db{suffix}"));
        }
        return results;
    }

    private static double Agreement(List<BenchQuery> queries, List<QueryOutcome> ours, List<QueryOutcome> theirs, QueryClass queryClass,
        Func<QueryOutcome, QueryOutcome, double> measure)
    {
        var values = Enumerable.Range(0, queries.Count).Where(i => queries[i].Class == queryClass).Select(i => measure(ours[i], theirs[i])).ToList();
        return values.Count == 0 ? 0 : values.Average();
    }

    /// <summary>Share of the top hits both engines return (1 when both return none).</summary>
    private static double Overlap(QueryOutcome a, QueryOutcome b)
    {
        var larger = Math.Max(a.Ids.Count, b.Ids.Count);
        return larger == 0 ? 1 : (double)a.Ids.Intersect(b.Ids, StringComparer.Ordinal).Count() / larger;
    }

    /// <summary>Every response of our engine as JSON lines (timings zeroed), with and without facets, for diffing.</summary>
    private static void DumpHits(LuceneEngine lucene, List<BenchQuery> queries, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var query in queries)
        {
            foreach (var facets in new[] { false, true })
            {
                var response = lucene.Searcher.Search(LuceneEngine.ToRequest(query) with { IncludeFacets = facets }, CancellationToken.None);
                writer.WriteLine(JsonSerializer.Serialize(response with { TookMs = 0 }));
            }
        }

        Log($"  responses written to {path}");
    }

    private static double TextMegabytes(List<Article> articles) =>
        articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Body) + Encoding.UTF8.GetByteCount(a.Title ?? "")) / 1e6;

    private static void Write(BenchReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var markdown = MarkdownReport.Render(report);
        File.WriteAllText(Path.Combine(folder, "results.md"), markdown);
        var json = JsonSerializer.Serialize(report, JsonOptions);
        File.WriteAllText(Path.Combine(folder, "results.json"), json);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written {Path.Combine(folder, "results.md")} and results.json");
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
