using System.Globalization;
using System.Text.Json;
using Lucene.Net.Index;
using Search.Bench.Corpus;
using Search.Bench.Engines;
using Search.Bench.Measurement;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;

namespace Search.Bench.Profiling;

/// <summary>
/// What the four facets (outlet, speaker, source, month) cost on broad single-term queries (#23): the words of
/// the surface vocabulary held by 10–50 % of the articles, a deterministic spread of them, each searched with
/// facets on and off, interleaved, on an index of the corpus through the product's extraction (real speakers), timed in this thread's CPU. The facet cost of a query is the median of its
/// rounds on minus the median off. With <c>--dump</c> every query's facet answer is written as JSON lines, so two
/// builds of the product can be diffed on the same index for identical answers. The same words also measure what
/// did-you-mean (fuzzy=suggest) adds when every word of the query is in the index.
/// </summary>
public static class FacetCost
{
    /// <summary>Builds (or reopens, when it holds as many articles) an index of the extracted corpus slice, then measures.</summary>
    public static int Run(FileInfo data, int limit, DirectoryInfo output, int queryCount, int rounds, FileInfo? dump)
    {
        var indexPath = Path.Combine(output.FullName, "facet-lucene");
        using var engine = new LuceneEngine(indexPath, Environment.ProcessorCount);
        if (Directory.Exists(indexPath) && engine.OpenExisting().Index.Count == Math.Min(limit, CountLines(data, limit)))
        {
            Console.WriteLine($"reusing {indexPath}");
        }
        else
        {
            engine.Dispose();
            var articles = CorpusReader.ReadExtracted(data.FullName, limit, Environment.ProcessorCount, out _);
            Console.WriteLine($"indexing {articles.Count:N0} extracted articles into {indexPath}");
            engine.Build(articles, CancellationToken.None);
        }

        var words = BroadWords(engine.Index, queryCount);
        var searcher = engine.Searcher;
        var requests = words.Select(w => new SearchRequest { Query = w, Size = 10 }).ToList();
        foreach (var request in requests)
        {
            searcher.Search(request, CancellationToken.None);
            searcher.Search(request with { IncludeFacets = false }, CancellationToken.None);
        }

        var on = requests.Select(_ => new List<double>()).ToList();
        var off = requests.Select(_ => new List<double>()).ToList();
        var totals = new int[requests.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var facetsFirst = (round + i) % 2 == 0;
                foreach (var facets in facetsFirst ? new[] { true, false } : [false, true])
                {
                    var began = ThreadCpuClock.NowMs();
                    var response = searcher.Search(requests[i] with { IncludeFacets = facets }, CancellationToken.None);
                    (facets ? on : off)[i].Add(ThreadCpuClock.NowMs() - began);
                    totals[i] = response.Total;
                }
            }
        }

        var costs = Enumerable.Range(0, requests.Count).Select(i => Median(on[i]) - Median(off[i])).OrderBy(c => c).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine.Index.Count:N0} articles, {requests.Count} broad terms ({totals.Min():N0}–{totals.Max():N0} matches), {rounds} rounds"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search CPU ms, median over queries: facets on {Median([.. on.Select(Median)]):0.000}, off {Median([.. off.Select(Median)]):0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"facet CPU ms per query (on − off): median {Median(costs):0.000}, p75 {costs[(int)(0.75 * (costs.Count - 1))]:0.000}, max {costs[^1]:0.000}"));
        // Did-you-mean on the same known words (#23): fuzzy=suggest against off, facets on in both.
        var suggestCosts = new List<double>();
        for (var i = 0; i < requests.Count; i++)
        {
            var (withSuggest, without) = (new List<double>(), new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var mode in (round + i) % 2 == 0 ? new[] { FuzzyMode.Suggest, FuzzyMode.Off } : [FuzzyMode.Off, FuzzyMode.Suggest])
                {
                    var began = ThreadCpuClock.NowMs();
                    searcher.Search(requests[i], mode, CancellationToken.None);
                    (mode == FuzzyMode.Suggest ? withSuggest : without).Add(ThreadCpuClock.NowMs() - began);
                }
            }

            suggestCosts.Add(Median(withSuggest) - Median(without));
        }

        suggestCosts.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"did-you-mean CPU ms per query, every word known (suggest − off): median {Median(suggestCosts):0.000}, p75 {suggestCosts[(int)(0.75 * (suggestCosts.Count - 1))]:0.000}"));
        if (dump is not null)
        {
            using var writer = new StreamWriter(dump.FullName);
            foreach (var request in requests)
            {
                foreach (var outlet in new[] { null, FirstOutlet(searcher, request) })
                {
                    var filtered = outlet is null ? request : request with { Outlets = [outlet] };
                    var response = searcher.Search(filtered, CancellationToken.None);
                    writer.WriteLine(JsonSerializer.Serialize(new { filtered.Query, filtered.Outlets, response.Total, response.Facets }));
                }
            }

            Console.WriteLine($"facet answers written to {dump.FullName}");
        }

        return 0;
    }

    /// <summary>The top outlet of the query's facet, to dump a filtered answer too (multi-select).</summary>
    private static string? FirstOutlet(ArticleSearcher searcher, SearchRequest request) =>
        searcher.Search(request, CancellationToken.None).Facets.GetValueOrDefault("outlet") is [var first, ..] ? first.Value : null;

    /// <summary>Words held by 10–50 % of the articles, every k-th in term order so the spread is deterministic.</summary>
    private static List<string> BroadWords(ArticleIndex index, int count)
    {
        using var lease = index.AcquireSearcher();
        var reader = lease.Searcher.IndexReader;
        var terms = MultiFields.GetTerms(reader, ArticleFields.Words);
        var broad = new List<string>();
        if (terms is null)
        {
            return broad;
        }

        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            var share = (double)iterator.DocFreq / reader.NumDocs;
            var word = iterator.Term.Utf8ToString();
            if (share is >= 0.1 and <= 0.5 && word.All(char.IsAsciiLetterLower))
            {
                broad.Add(word);
            }
        }

        var step = Math.Max(1, broad.Count / Math.Max(1, count));
        return [.. broad.Where((_, i) => i % step == 0).Take(count)];
    }

    private static int CountLines(FileInfo data, int limit)
    {
        using var file = data.OpenRead();
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = 0;
        while (lines < limit && reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
