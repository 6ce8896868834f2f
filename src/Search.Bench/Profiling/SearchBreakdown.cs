using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Search;
using Search.Bench.Engines;
using Search.Bench.Measurement;
using Search.Bench.Queries;
using Search.Bench.Reporting;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Highlighting;

namespace Search.Bench.Profiling;

/// <summary>
/// Splits our search path into stages by timing each public piece on its own over a class's queries:
/// parsing, the bare Lucene top-N (BM25, no filters, no facets), loading the page's stored fields, the
/// span highlighter, and the whole <see cref="ArticleSearcher.Search(SearchRequest, CancellationToken)"/> with and without facets. The gap
/// between the whole and its parts is the product's own overhead (filtering collector, sort, mapping).
/// Every stage is the querying thread's CPU time (milliseconds), not wall time.
/// </summary>
public static class SearchBreakdown
{
    public static List<BreakdownRow> Measure(LuceneEngine engine, IReadOnlyList<BenchQuery> queries, int rounds)
    {
        using var analyzer = new ArticleAnalyzer();
        var parser = new UserQueryParser(analyzer);
        var highlighter = new SnippetHighlighter(analyzer);
        var rows = new List<BreakdownRow>();
        foreach (var group in queries.GroupBy(q => q.Class))
        {
            var list = group.ToList();
            var stages = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var query in list)
                {
                    var request = LuceneEngine.ToRequest(query);
                    Time(stages, "1 parse", () => parser.Parse(request.Query));
                    var parsed = parser.Parse(request.Query);
                    using var lease = engine.Index.AcquireSearcher();
                    var searcher = lease.Searcher;
                    var n = query.Page * BenchQuery.PageSize;
                    TopDocs? top = null;
                    Time(stages, "2 bare Lucene top-N (no filter, no sort)", () => top = searcher.Search(parsed, n));
                    var page = top!.ScoreDocs.Skip(n - BenchQuery.PageSize).ToList();
                    var bodies = new List<(int Doc, string Body)>();
                    Time(stages, "3 result cards and bodies of the page", () =>
                    {
                        foreach (var hit in page)
                        {
                            StoredArticles.ReadCard(searcher.IndexReader, hit.Doc);
                            bodies.Add((hit.Doc, StoredArticles.ReadBody(searcher.IndexReader, hit.Doc)));
                        }
                    });
                    Time(stages, "3x for comparison: the page's stored documents (no body since #14)", () =>
                    {
                        foreach (var hit in page)
                        {
                            searcher.Doc(hit.Doc);
                        }
                    });
                    Time(stages, "4 highlight the page", () =>
                    {
                        var highlight = SnippetHighlighter.Prepare(searcher, parsed, ArticleFields.Body);
                        var matches = highlighter.FindMatches(searcher, highlight, [.. bodies.Select(b => b.Doc)], [.. bodies.Select(b => b.Body)]);
                        for (var i = 0; i < bodies.Count; i++)
                        {
                            SnippetHighlighter.BestPassage(bodies[i].Body, matches[i]);
                        }
                    });
                    Time(stages, "4a of which: analyse the page bodies (full chain)", () =>
                    {
                        foreach (var (_, body) in bodies)
                        {
                            Drain(analyzer.GetTokenStream(ArticleFields.Body, body));
                        }
                    });
                    Time(stages, "4b of which: tokenizer only", () =>
                    {
                        foreach (var (_, body) in bodies)
                        {
                            Drain(new StandardTokenizer(LuceneSettings.Version, new StringReader(body)));
                        }
                    });
                    Time(stages, "5 ArticleSearcher.Search, facets off", () => engine.Searcher.Search(request with { IncludeFacets = false }, CancellationToken.None));
                    Time(stages, "6 ArticleSearcher.Search, facets on", () => engine.Searcher.Search(request with { IncludeFacets = true }, CancellationToken.None));
                }
            }

            rows.AddRange(stages.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new BreakdownRow(group.Key, s.Key, s.Value / (list.Count * rounds))));
        }

        return rows;
    }

    /// <summary>Articles per second that the analysis chain alone gets through (title and body, one thread): the floor of indexing cost.</summary>
    public static double MeasureAnalysisOnly(IReadOnlyList<Search.Core.Articles.Article> articles, int count)
    {
        using var analyzer = new ArticleAnalyzer();
        var sample = articles.Take(count).ToList();
        var began = Stopwatch.GetTimestamp();
        foreach (var article in sample)
        {
            Drain(analyzer.GetTokenStream(ArticleFields.Title, article.Title ?? ""));
            Drain(analyzer.GetTokenStream(ArticleFields.Body, article.Body));
        }

        return sample.Count / Stopwatch.GetElapsedTime(began).TotalSeconds;
    }

    private static void Drain(TokenStream stream)
    {
        using (stream)
        {
            stream.Reset();
            while (stream.IncrementToken())
            {
            }

            stream.End();
        }
    }

    /// <summary>Adds the stage's CPU time on this thread: on a shared machine wall time is mostly waiting for a core.</summary>
    private static void Time(Dictionary<string, double> stages, string stage, Action action)
    {
        var began = ThreadCpuClock.NowMs();
        action();
        stages[stage] = stages.GetValueOrDefault(stage) + (ThreadCpuClock.NowMs() - began);
    }
}
