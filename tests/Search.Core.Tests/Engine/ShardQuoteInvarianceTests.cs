using Search.Core.Articles;
using Search.Core.Querying.Quotes;

namespace Search.Core.Tests.Engine;

/// <summary>
/// /quotes and /speakers/{name} on 2 and 4 shards answer as one index (#15): totals, every hit (speaker, marked text,
/// article) in order, facet counts and completeness, also when the article limit cuts the articles read.
/// </summary>
public sealed class ShardQuoteInvarianceTests : IDisposable
{
    private static readonly int[] MultiShardCounts = [2, 4];
    private static readonly string[] Speakers = ["Ana Ruiz", "Ben Okafor", "Chen Wei", "Dana Holt", "Eli Marsh", "Femi Ade", "Gus Lind", "Hana Sato"];
    private readonly ShardedIndexes _indexes = new();

    [Theory]
    [InlineData(31, 2000)]
    [InlineData(32, 40)]
    public async Task ShardedQuoteSearchesAnswerAsOneIndex(int seed, int articleLimit)
    {
        var options = new SearchOptions { QuoteArticleLimit = articleLimit };
        var articles = WithQuotes(new RandomArticles(seed).Articles(300), seed);
        using var single = new QuoteSearcher(_indexes.Open(1, articles).Shards[0], options);
        var sharded = MultiShardCounts.Select(n => _indexes.QuoteCoordinator(_indexes.Open(n, articles), options)).ToList();
        var queries = new RandomArticles(seed * 31);
        var random = new Random(seed);
        var (compared, cut) = (0, 0);
        for (var q = 0; q < 40; q++)
        {
            var search = queries.Request(size: 6);
            var request = new QuoteSearchRequest
            {
                Query = search.Query,
                Speakers = search.Speakers,
                Outlets = search.Outlets,
                From = search.From,
                To = search.To,
                Sort = random.Next(4) == 0 ? null : search.Sort,
                Page = 1 + random.Next(3),
                Size = 6,
            };
            var expected = single.Search(request, CancellationToken.None);
            compared += expected.Total > 0 ? 1 : 0;
            cut += expected.Complete ? 0 : 1;
            foreach (var searcher in sharded)
            {
                var actual = await searcher.SearchAsync(request, CancellationToken.None);
                var what = $"{request.Query} sort={request.Sort} page={request.Page}";
                Assert.True(expected.Total == actual.Total, $"total {expected.Total} vs {actual.Total}: {what}");
                Assert.Equal(expected.Complete, actual.Complete);
                Assert.True(expected.Hits.SequenceEqual(actual.Hits), $"hits differ: {what}");
                foreach (var (name, values) in expected.Facets)
                {
                    Assert.True(values.SequenceEqual(actual.Facets[name]), $"facet {name}: {what}");
                }
            }
        }

        Assert.True(compared >= 20, $"only {compared} quote searches matched anything");
        Assert.True(articleLimit >= 300 || cut > 0, "the article limit never cut");
    }

    [Fact]
    public async Task ShardedSpeakerPagesAnswerAsOneIndex()
    {
        var options = new SearchOptions();
        var articles = WithQuotes(new RandomArticles(33).Articles(300), 33);
        var single = _indexes.Own(new QuoteSearcher(_indexes.Open(1, articles).Shards[0], options));
        var sharded = _indexes.QuoteCoordinator(_indexes.Open(4, articles), options);
        foreach (var name in Speakers)
        {
            var expected = single.Profile(name, CancellationToken.None);
            var actual = await sharded.ProfileAsync(name, CancellationToken.None);
            Assert.Equal((expected.Name, expected.Quotes, expected.Articles, expected.Interval, expected.Complete),
                (actual.Name, actual.Quotes, actual.Articles, actual.Interval, actual.Complete));
            Assert.Equal(expected.Timeline, actual.Timeline);
            Assert.Equal(expected.Outlets, actual.Outlets);
            Assert.Equal(expected.Recent, actual.Recent);
        }

        await Assert.ThrowsAsync<SpeakerNotFoundException>(() => sharded.ProfileAsync("Nobody Here", CancellationToken.None));
    }

    /// <summary>The articles with quotes by their speakers: runs of their body's words (the words the random queries use).</summary>
    private static List<Article> WithQuotes(List<Article> articles, int seed)
    {
        var random = new Random(seed);
        return [.. articles.Select(article =>
        {
            var words = article.Body.Split(' ');
            string Run()
            {
                var start = random.Next(words.Length);
                return string.Join(' ', words.Skip(start).Take(random.Next(3, 12)));
            }

            return article with { Quotes = [.. article.Speakers.SelectMany(speaker => Enumerable.Range(0, random.Next(3)).Select(_ => new Quote(speaker, Run())))] };
        })];
    }

    public void Dispose() => _indexes.Dispose();
}
