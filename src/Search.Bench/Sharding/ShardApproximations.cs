using System.Globalization;
using System.Text;
using Search.Bench.Corpus;
using Search.Bench.Engines;
using Search.Bench.Queries;
using Search.Core;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;

namespace Search.Bench.Sharding;

/// <summary>
/// How far the features a sharded index answers approximately (docs/scale-out.md, "Approximations") stray from one
/// index holding the same articles (#15: "name any approximation and measure it"). The same corpus is built as one
/// index and as N shards; the reference is what the product serves on one index (<see cref="ArticleSearcher"/>,
/// <see cref="CompletionCatalog"/>), the other side what it serves on N shards (<see cref="ShardedSearcher"/>).
/// Per feature: how many answers are identical, the mean overlap of the top 10, and what differs in counts.
/// </summary>
public static class ShardApproximations
{
    private const int Top = 10;

    public static async Task<int> RunAsync(FileInfo data, int limit, int shards, int perClass, int samples, DirectoryInfo output,
        CancellationToken cancellationToken)
    {
        var articles = CorpusReader.Read(data.FullName, limit);
        output.Create();
        var onePath = Path.Combine(output.FullName, "approx-1");
        var shardPath = Path.Combine(output.FullName, $"approx-{shards}");
        ShardedBuild.BuildUnlessHeld(onePath, 1, articles, cancellationToken);
        ShardedBuild.BuildUnlessHeld(shardPath, shards, articles, cancellationToken);
        var options = new SearchOptions();
        using var one = new ArticleIndex(onePath, writeAheadLog: false);
        using var single = new ArticleSearcher(one, options);
        var completions = new CompletionCatalog(one);
        using var index = new ShardedArticleIndex(shardPath, shards, writeAheadLog: false);
        var locals = index.Shards.Select(s => new LocalShard(s, options)).ToList();
        using var sharded = new ShardedSearcher(locals, options);

        var queries = new QuerySetBuilder(articles, 42).Build(perClass,
            word => single.Search(new SearchRequest { Query = word, Size = 1, IncludeFacets = false }, CancellationToken.None).Total);
        var relevanceQueries = queries.Where(q => !q.SortByDate && q.Outlet is null && q.Page == 1).Select(LuceneEngine.ToRequest).ToList();
        var rows = new List<Row>
        {
            await CompareSearchesAsync("collapse=story", [.. queries.Select(q => LuceneEngine.ToRequest(q) with { CollapseStories = true })], single, sharded, cancellationToken),
            await CompareSearchesAsync("expand=prf", [.. relevanceQueries.Where(r => !r.Query!.Contains('"', StringComparison.Ordinal)).Select(r => r with { Expansion = QueryExpansion.Prf })],
                single, sharded, cancellationToken),
            await CompareSearchesAsync("word~ (fuzzy)", [.. queries.Where(q => q.Class == QueryClass.SingleTerm).Select(q => LuceneEngine.ToRequest(q) with { Query = q.Words[0] + "~" })],
                single, sharded, cancellationToken),
            await CompareSimilarAsync(articles, samples, single, sharded, cancellationToken),
            await CompareCompletionsAsync(articles, samples, completions, sharded),
        };

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Sharded approximations: {articles.Count} articles of {data.Name}, one index against {shards} shards");
        report.AppendLine();
        report.AppendLine("| feature | answers compared | identical | mean top-10 overlap | totals equal | what differs |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Feature} | {row.Compared} | {row.Identical} ({100.0 * row.Identical / Math.Max(1, row.Compared):F0}%) | {row.MeanOverlap:F3} | {row.TotalsEqual} | {row.Note} |");
        }

        foreach (var local in locals)
        {
            local.Dispose();
        }

        var file = Path.Combine(output.FullName, "shard-approximations.md");
        await File.WriteAllTextAsync(file, report.ToString(), cancellationToken);
        Console.WriteLine(report);
        Console.WriteLine($"Written to {file}");
        return 0;
    }

    /// <summary>One comparison's summary line.</summary>
    private sealed record Row(string Feature, int Compared, int Identical, double MeanOverlap, string TotalsEqual, string Note);

    private static async Task<Row> CompareSearchesAsync(string feature, IReadOnlyList<SearchRequest> requests, ArticleSearcher single, ShardedSearcher sharded,
        CancellationToken cancellationToken)
    {
        var identical = 0;
        var totalsEqual = 0;
        var overlap = 0.0;
        long storiesOne = 0, storiesSharded = 0, copiesDiffer = 0;
        foreach (var request in requests)
        {
            var expected = single.Search(request, FuzzyMode.Off, cancellationToken);
            var actual = await sharded.SearchAsync(request, FuzzyMode.Off, cancellationToken);
            var expectedIds = expected.Hits.Select(h => h.Id).ToList();
            var actualIds = actual.Hits.Select(h => h.Id).ToList();
            identical += expectedIds.SequenceEqual(actualIds) ? 1 : 0;
            totalsEqual += expected.Total == actual.Total ? 1 : 0;
            overlap += Overlap(expectedIds, actualIds);
            storiesOne += expected.Stories ?? 0;
            storiesSharded += actual.Stories ?? 0;
            var copies = actual.Hits.ToDictionary(h => h.Id, h => h.Copies);
            copiesDiffer += expected.Hits.Count(h => copies.TryGetValue(h.Id, out var c) && c != h.Copies);
        }

        var note = storiesOne == 0 ? totalsEqual == requests.Count ? "order only (matches unchanged)" : "matches and order"
            : string.Create(CultureInfo.InvariantCulture,
                $"stories counted {storiesSharded:N0} vs {storiesOne:N0} ({100.0 * (storiesSharded - storiesOne) / storiesOne:+0.0;-0.0}%); {copiesDiffer} shared rows with another copy count");
        return new Row(feature, requests.Count, identical, overlap / Math.Max(1, requests.Count), $"{totalsEqual}/{requests.Count}", note);
    }

    private static async Task<Row> CompareSimilarAsync(List<Article> articles, int samples, ArticleSearcher single, ShardedSearcher sharded,
        CancellationToken cancellationToken)
    {
        var random = new Random(7);
        var identical = 0;
        var overlap = 0.0;
        for (var i = 0; i < samples; i++)
        {
            var id = articles[random.Next(articles.Count)].Id;
            var expected = single.FindSimilar(id, Top).Select(h => h.Id).ToList();
            var actual = (await sharded.FindSimilarAsync(id, Top, cancellationToken)).Select(h => h.Id).ToList();
            identical += expected.SequenceEqual(actual) ? 1 : 0;
            overlap += Overlap(expected, actual);
        }

        return new Row("similar articles", samples, identical, overlap / Math.Max(1, samples), "—", "the owning shard picks the distinctive words");
    }

    private static async Task<Row> CompareCompletionsAsync(List<Article> articles, int samples, CompletionCatalog single, ShardedSearcher sharded)
    {
        var random = new Random(11);
        var identical = 0;
        var overlap = 0.0;
        var compared = 0;
        var countsDiffer = 0;
        while (compared < samples)
        {
            var title = articles[random.Next(articles.Count)].Title;
            var word = title?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length >= 4 && w.All(char.IsLetter));
            if (word is null)
            {
                continue;
            }

            var prefix = word[..random.Next(2, Math.Min(word.Length, 5) + 1)].ToLowerInvariant();
            var expected = single.Complete(prefix, Top);
            var actual = await sharded.CompleteAsync(prefix, Top);
            var expectedTexts = expected.Select(c => c.Text).ToList();
            var actualTexts = actual.Select(c => c.Text).ToList();
            identical += expectedTexts.SequenceEqual(actualTexts) ? 1 : 0;
            overlap += Overlap(expectedTexts, actualTexts);
            var counts = actual.ToDictionary(c => (c.Kind, c.Text), c => c.Count);
            countsDiffer += expected.Count(c => counts.TryGetValue((c.Kind, c.Text), out var n) && n != c.Count);
            compared++;
        }

        return new Row("/suggest", compared, identical, overlap / Math.Max(1, compared), "—", $"{countsDiffer} shared entries with another count");
    }

    /// <summary>Share of the reference's top entries that the other answer also has (1 when both are empty).</summary>
    private static double Overlap(List<string> expected, List<string> actual) =>
        expected.Count == 0 ? actual.Count == 0 ? 1 : 0 : (double)expected.Intersect(actual, StringComparer.Ordinal).Count() / expected.Count;
}
