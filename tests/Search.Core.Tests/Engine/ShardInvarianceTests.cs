using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Timeline;

namespace Search.Core.Tests.Engine;

/// <summary>
/// The invariance test of #15 (after Lucene's ShardSearchingTestBase): the same random articles in 1, 2 and 4
/// shards answer random queries exactly as one index searched by <see cref="ArticleSearcher"/> does — totals,
/// facet counts, ids in order, scores (within 1e-5), timelines and cursor walks.
/// </summary>
public sealed class ShardInvarianceTests : IDisposable
{
    private const int ArticleCount = 400;
    private static readonly int[] ShardCounts = [1, 2, 4];
    private static readonly int[] MultiShardCounts = [2, 4];
    private static readonly HistogramInterval?[] Timelines = [null, HistogramInterval.Auto, null, HistogramInterval.Day, HistogramInterval.Week,
        null, HistogramInterval.Month, HistogramInterval.Year];
    private readonly ShardedIndexes _indexes = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ShardedSearchesAnswerAsOneIndex(int seed)
    {
        var articles = new RandomArticles(seed).Articles(ArticleCount);
        var reference = Open(1, articles);
        var single = Own(new ArticleSearcher(reference.Shards[0], new SearchOptions()));
        var sharded = ShardCounts.Select(n => Coordinator(Open(n, articles))).ToList();
        var queries = new RandomArticles(seed * 7919);
        for (var q = 0; q < 60; q++)
        {
            // Every other query or so asks for a timeline too: its buckets must be one index's, auto's choice included.
            var request = queries.Request(size: 8) with { Histogram = Timelines[q % Timelines.Length] };
            foreach (var pageNumber in new[] { 1, 3 })
            {
                var paged = request with { Page = pageNumber };
                var expected = single.Search(paged, CancellationToken.None);
                foreach (var searcher in sharded)
                {
                    AssertSameAnswer(expected, await searcher.SearchAsync(paged, FuzzyMode.Off, CancellationToken.None), paged);
                }
            }
        }
    }

    /// <summary>
    /// A fuzzy word whose neighbours outnumber its expansion limit (50) on the whole index: each shard alone would keep
    /// its own 50 nearest words; the coordinator chooses the index-wide 50 and every shard expands to those (#22).
    /// </summary>
    [Fact]
    public async Task AFuzzyWordWithMoreNeighboursThanItsLimitExpandsAsOnOneIndex()
    {
        const string Word = "marlinot";
        var random = new Random(31);
        var neighbours = new List<string>();
        foreach (var position in Enumerable.Range(1, Word.Length - 2))
        {
            neighbours.AddRange("bcdfgkmprtvz".Where(c => c != Word[position]).Select(c => Word[..position] + c + Word[(position + 1)..]));
        }

        var articles = Enumerable.Range(0, 240).Select(i => new Article(
            $"fz{i:000}", null, $"Note {i}",
            string.Join(" ", Enumerable.Range(0, 3).Select(_ => neighbours[random.Next(neighbours.Count)])) + " harbour crane weather",
            "Outlet", [], [], [], null)).ToList();
        var single = Own(new ArticleSearcher(Open(1, articles).Shards[0], new SearchOptions()));
        var sharded = Coordinator(Open(4, articles));
        foreach (var query in new[] { Word + "~", Word + "~1", Word + "~2 OR crane", "title:note AND " + Word + "~" })
        {
            var request = new SearchRequest { Query = query, Size = 30 };
            AssertSameAnswer(single.Search(request, CancellationToken.None), await sharded.SearchAsync(request, FuzzyMode.Off, CancellationToken.None), request);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task CursorWalksOverShardsVisitEveryHitOnceInOrder(int seed)
    {
        var articles = new RandomArticles(seed).Articles(ArticleCount);
        var single = Own(new ArticleSearcher(Open(1, articles).Shards[0], new SearchOptions()));
        var sharded = MultiShardCounts.Select(n => Coordinator(Open(n, articles))).ToList();
        var queries = new RandomArticles(seed * 104729);
        for (var q = 0; q < 15; q++)
        {
            var request = queries.Request(size: 9) with { IncludeFacets = false };
            var (expected, total) = await Walk(r => Task.FromResult(single.Search(r, CancellationToken.None)), request);
            Assert.Equal(total, expected.Count);
            Assert.Equal(expected.Count, expected.Distinct().Count());
            foreach (var searcher in sharded)
            {
                var (walked, shardedTotal) = await Walk(r => searcher.SearchAsync(r, FuzzyMode.Off, CancellationToken.None), request);
                Assert.Equal(expected, walked);
                Assert.Equal(total, shardedTotal);
            }
        }
    }

    [Fact]
    public async Task WritesAreRoutedToOneShardAndFoundThere()
    {
        var articles = new RandomArticles(11).Articles(60);
        var index = Open(4, articles);
        var searcher = Coordinator(index);
        foreach (var article in articles.Take(10))
        {
            var owner = index.Router.ShardOf(article.Id);
            Assert.Equal(1, index.Shards.Count(s => Holds(s, article.Id)));
            Assert.Equal(article.Title, (await searcher.GetArticleAsync(article.Id)).Title);
            Assert.True(Holds(index.Shards[owner], article.Id));
        }

        var deleted = articles[0].Id;
        index.WaitDurable(index.Delete(deleted));
        index.Refresh();
        Assert.Equal(articles.Count - 1, index.Count);
        await Assert.ThrowsAsync<ArticleNotFoundException>(() => searcher.GetArticleAsync(deleted));
    }

    private static async Task<(List<string> Ids, int Total)> Walk(Func<SearchRequest, Task<SearchResponse>> search, SearchRequest request)
    {
        var ids = new List<string>();
        var response = await search(request);
        var total = response.Total;
        ids.AddRange(response.Hits.Select(h => h.Id));
        while (response.After is { } after)
        {
            response = await search(request with { After = after });
            ids.AddRange(response.Hits.Select(h => h.Id));
        }

        return (ids, total);
    }

    private static void AssertSameAnswer(SearchResponse expected, SearchResponse actual, SearchRequest request)
    {
        var what = $"{request.Query} sort={request.Sort} op={request.Operator} page={request.Page}";
        Assert.True(expected.Total == actual.Total, $"total {expected.Total} vs {actual.Total}: {what}");
        Assert.True(expected.Hits.Select(h => h.Id).SequenceEqual(actual.Hits.Select(h => h.Id)),
            $"ids [{string.Join(",", expected.Hits.Select(h => h.Id))}] vs [{string.Join(",", actual.Hits.Select(h => h.Id))}]: {what}");
        foreach (var (e, a) in expected.Hits.Zip(actual.Hits))
        {
            Assert.True(Math.Abs(e.Score - a.Score) <= 1e-5, $"score of {e.Id} {e.Score} vs {a.Score}: {what}");
            Assert.Equal(e.Snippet, a.Snippet);
        }

        Assert.Equal(expected.After is null, actual.After is null);
        Assert.Equal(expected.HistogramInterval, actual.HistogramInterval);
        Assert.True((expected.Histogram ?? []).SequenceEqual(actual.Histogram ?? []), $"histogram: {what}");
        Assert.Equal(expected.Histogram is null, actual.Histogram is null);
        Assert.Equal(expected.Facets.Keys.Order(), actual.Facets.Keys.Order());
        foreach (var (name, values) in expected.Facets)
        {
            Assert.True(values.SequenceEqual(actual.Facets[name]), $"facet {name}: {what}");
        }
    }

    private static bool Holds(ArticleIndex shard, string id)
    {
        using var lease = shard.AcquireSearcher();
        return lease.Searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1).TotalHits > 0;
    }

    private ShardedArticleIndex Open(int shards, IReadOnlyList<Article> articles) => _indexes.Open(shards, articles);

    private ShardedSearcher Coordinator(ShardedArticleIndex index) => _indexes.Coordinator(index);

    private T Own<T>(T disposable)
        where T : IDisposable => _indexes.Own(disposable);

    public void Dispose() => _indexes.Dispose();
}
