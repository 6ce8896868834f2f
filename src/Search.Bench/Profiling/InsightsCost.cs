using System.Globalization;
using System.Text;
using Search.Bench.Corpus;
using Search.Bench.Engines;
using Search.Bench.Measurement;
using Search.Bench.Queries;
using Search.Core;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Timeline;
using Search.Core.Querying.Trending;

namespace Search.Bench.Profiling;

/// <summary>
/// What the timeline (histogram=auto) and trending terms (terms=significant) add to a search. "Without" is the
/// search a user of /search gets by default: facets on, fuzzy=suggest, no result cache (<see cref="ArticleSearcher"/>
/// directly; the cache lives in it but is off here, so every run does the work). Each round runs every query's
/// variants back to back in an order that rotates per query and round, so load on a shared machine hits
/// them alike; each search is timed in process CPU time (<see cref="ProcessCpuClock"/>: the searching thread
/// plus the garbage collection its allocations cause). The report gives, per variant, the per-query ratio to
/// the plain search (median over rounds of each, then median and 75th percentile over queries) and the
/// aggregate (all CPU time with ÷ all without); see <see cref="InsightsReport"/>.
/// </summary>
public static class InsightsCost
{
    /// <summary>The variants, the plain search first (the ratios' denominator).</summary>
    public static readonly (string Name, Func<SearchRequest, SearchRequest> Apply)[] Variants =
    [
        ("search (defaults)", r => r),
        ("histogram=auto", r => r with { Histogram = HistogramInterval.Auto }),
        ("terms=significant", r => r with { Terms = TermsMode.Significant }),
        ("both", r => r with { Histogram = HistogramInterval.Auto, Terms = TermsMode.Significant }),
    ];

    private static readonly string[] ShowcaseTopics = ["olympics", "vaccine", "hurricane", "tariffs"];

    /// <summary>Builds (or reopens) an index of the corpus slice, a query set, warms up, and writes insights.md.</summary>
    public static int Run(FileInfo data, int limit, int perClass, int rounds, DirectoryInfo output, bool reuseIndex, IReadOnlyList<int> compareSamples)
    {
        var articles = CorpusReader.Read(data.FullName, limit);
        output.Create();
        var indexPath = Path.Combine(output.FullName, "insights-lucene");
        using var engine = new LuceneEngine(indexPath);
        if (reuseIndex && Directory.Exists(indexPath))
        {
            engine.OpenExisting();
        }
        else
        {
            engine.Build(articles, CancellationToken.None);
        }

        var queries = new QuerySetBuilder(articles, 42).Build(perClass,
            q => engine.Searcher.Search(new SearchRequest { Query = q, IncludeFacets = false, Size = 1 }, CancellationToken.None).Total);
        var loadBefore = Search.Bench.Sharding.ProcessUsage.LoadAverages();
        var times = Measure(engine, queries, rounds);
        var loadAfter = Search.Bench.Sharding.ProcessUsage.LoadAverages();
        var defaultSample = new SearchOptions().TrendingSampleSize;
        var markdown = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Timeline and trending terms: cost over the same search ({articles.Count:N0} articles of {data.Name}, {queries.Count} queries, {rounds} rounds, {Environment.ProcessorCount} cores, load average {loadBefore} before and {loadAfter} after)")
            .AppendLine()
            .Append(InsightsReport.Format(queries, times))
            .AppendLine();
        if (compareSamples.Any(size => size > 0))
        {
            markdown.Append(TrendingSampleOverlap.Compare(engine, queries, [.. compareSamples.Where(size => size > 0).Prepend(defaultSample).Distinct()])).AppendLine();
        }

        markdown.AppendLine(CultureInfo.InvariantCulture, $"Trending terms of a few topics (sample {defaultSample}; to check that the sample still finds each subject):")
            .AppendLine();
        foreach (var topic in ShowcaseTopics)
        {
            var terms = engine.Searcher.Search(new SearchRequest { Query = topic, Terms = TermsMode.Significant, IncludeFacets = false }, CancellationToken.None)
                .SignificantTerms ?? [];
            markdown.AppendLine(CultureInfo.InvariantCulture, $"- `{topic}`: {string.Join(", ", terms.Take(8).Select(t => t.Term))}");
        }

        File.WriteAllText(Path.Combine(output.FullName, "insights.md"), markdown.ToString());
        Console.WriteLine(markdown);
        return 0;
    }

    /// <summary>Process CPU ms of every search: [variant][query][round].</summary>
    public static double[][][] Measure(LuceneEngine engine, IReadOnlyList<BenchQuery> queries, int rounds)
    {
        // Warm-up: the per-segment term tables trending terms read, built here as the server's refresh loop builds
        // them off the request path; then JIT (two passes, so tiered compilation has promoted the hot methods).
        using (var lease = engine.Index.AcquireSearcher())
        {
            engine.Trending.Warm(lease.Searcher.IndexReader);
        }

        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var query in queries)
            {
                foreach (var (_, apply) in Variants)
                {
                    WarmUp(engine, apply(Request(query)));
                }
            }
        }

        var times = Variants.Select(_ => queries.Select(_ => new double[rounds]).ToArray()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var q = 0; q < queries.Count; q++)
            {
                // Rotate the order per query and round so no variant always runs first (cold caches) or last.
                for (var k = 0; k < Variants.Length; k++)
                {
                    var v = (k + q + round) % Variants.Length;
                    var request = Variants[v].Apply(Request(queries[q]));
                    var began = ProcessCpuClock.NowMs();
                    engine.Searcher.Search(request, FuzzyMode.Suggest, CancellationToken.None);
                    times[v][q][round] = ProcessCpuClock.NowMs() - began;
                }
            }
        }

        return times;
    }

    /// <summary>Runs a search until it completes: the first ones may overrun the timeout on a loaded machine.</summary>
    private static void WarmUp(LuceneEngine engine, SearchRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                engine.Searcher.Search(request, FuzzyMode.Suggest, CancellationToken.None);
                return;
            }
            catch (SearchTimeoutException) when (attempt < 10)
            {
                // Whatever was built is kept: the next attempt gets further.
            }
        }
    }

    /// <summary>The bench query as /search would receive it with no optional parameter (facets on).</summary>
    public static SearchRequest Request(BenchQuery query) => LuceneEngine.ToRequest(query) with { IncludeFacets = true };
}
