using System.Globalization;
using System.Text;
using Search.Bench.Corpus;
using Search.Bench.Engines;
using Search.Bench.Measurement;
using Search.Bench.Queries;
using Search.Core.Querying;
using Search.Core.Querying.Timeline;
using Search.Core.Querying.Trending;

namespace Search.Bench.Profiling;

/// <summary>
/// What the timeline (histogram=auto) and trending terms (terms=significant) add to a search: the same queries,
/// uncached (<see cref="ArticleSearcher"/> directly; the result cache lives above it), with facets on as the
/// page asks, run as four variants interleaved per query so load on a shared machine hits them alike.
/// Reports the calling thread's CPU time (mean and median) per variant and the ratio to the plain search: on a
/// shared machine wall time mostly measures waiting for a core, and the search runs on the calling thread.
/// </summary>
public static class InsightsCost
{
    private static readonly (string Name, Func<SearchRequest, SearchRequest> Apply)[] Variants =
    [
        ("search (facets on)", r => r),
        ("+ histogram=auto", r => r with { Histogram = HistogramInterval.Auto }),
        ("+ terms=significant", r => r with { Terms = TermsMode.Significant }),
        ("+ both", r => r with { Histogram = HistogramInterval.Auto, Terms = TermsMode.Significant }),
    ];

    private static readonly string[] ShowcaseTopics = ["olympics", "vaccine", "hurricane", "tariffs"];

    /// <summary>Builds an index of the corpus slice, a query set, warms up, and writes insights.md.</summary>
    public static int Run(FileInfo data, int limit, int perClass, int rounds, DirectoryInfo output)
    {
        var articles = CorpusReader.Read(data.FullName, limit);
        output.Create();
        using var engine = new LuceneEngine(Path.Combine(output.FullName, "insights-lucene"));
        engine.Build(articles, CancellationToken.None);
        var queries = new QuerySetBuilder(articles, 42).Build(perClass,
            q => engine.Searcher.Search(new SearchRequest { Query = q, IncludeFacets = false, Size = 1 }, CancellationToken.None).Total);
        var table = Measure(engine, queries, rounds);
        var markdown = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Timeline and trending terms: cost over the same search ({articles.Count:N0} articles of {data.Name}, {queries.Count} queries, {rounds} rounds, {Environment.ProcessorCount} cores)")
            .AppendLine()
            .Append(table)
            .AppendLine()
            .AppendLine("Trending terms of a few topics (to check that the sample still finds each subject):")
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

    /// <summary>The markdown table: per query class and overall, mean/median ms per variant and ratio to the plain search.</summary>
    public static string Measure(LuceneEngine engine, IReadOnlyList<BenchQuery> queries, int rounds)
    {
        // Warm-up: the per-segment term tables trending terms read, built here as the server's refresh loop builds
        // them off the request path; then JIT. A warm-up search that still overruns the timeout is run again.
        using (var lease = engine.Index.AcquireSearcher())
        {
            engine.Trending.Warm(lease.Searcher.IndexReader);
        }

        foreach (var query in queries)
        {
            foreach (var (_, apply) in Variants)
            {
                WarmUp(engine, apply(Request(query)));
            }
        }

        var times = Variants.ToDictionary(v => v.Name, _ => new List<(QueryClass Class, double Ms)>());
        for (var round = 0; round < rounds; round++)
        {
            for (var q = 0; q < queries.Count; q++)
            {
                var query = queries[q];
                // Rotate the order per query so no variant always runs first (cold caches) or last.
                for (var k = 0; k < Variants.Length; k++)
                {
                    var (name, apply) = Variants[(k + q + round) % Variants.Length];
                    var request = apply(Request(query));
                    var began = ThreadCpuClock.NowMs();
                    engine.Searcher.Search(request, CancellationToken.None);
                    times[name].Add((query.Class, ThreadCpuClock.NowMs() - began));
                }
            }
        }

        var md = new StringBuilder();
        md.AppendLine("| class | " + string.Join(" | ", Variants.Select(v => v.Name + " mean / median CPU ms")) + " | histogram ratio | terms ratio | both ratio |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", Variants.Length + 3)));
        var classes = queries.Select(q => q.Class).Distinct().Select(c => (Name: c.ToString(), Filter: (Func<QueryClass, bool>)(x => x == c)))
            .Append(("all", _ => true));
        foreach (var (label, filter) in classes)
        {
            var means = Variants.Select(v => times[v.Name].Where(t => filter(t.Class)).Select(t => t.Ms).ToList()).ToList();
            var cells = means.Select(m => $"{m.Average():F2} / {Median(m):F2}");
            var ratios = means.Skip(1).Select(m => $"{m.Average() / means[0].Average():F2}");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {string.Join(" | ", cells)} | {string.Join(" | ", ratios)} |");
        }

        return md.ToString();
    }

    /// <summary>Runs a search until it completes: the first ones build the full corpus's tables on a loaded machine.</summary>
    private static void WarmUp(LuceneEngine engine, SearchRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                engine.Searcher.Search(request, CancellationToken.None);
                return;
            }
            catch (SearchTimeoutException) when (attempt < 10)
            {
                // The tables are kept all the same: the next attempt finds more of them built.
            }
        }
    }

    private static SearchRequest Request(BenchQuery query) => LuceneEngine.ToRequest(query) with { IncludeFacets = true };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
