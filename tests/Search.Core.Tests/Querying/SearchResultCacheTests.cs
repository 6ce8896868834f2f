using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

public sealed class SearchResultCacheTests
{
    private static TestIndex Build() => new(
        Article("a", "Farmers protested the new grain tariffs outside parliament.", outlet: "Daily Ledger"),
        Article("b", "The grain harvest was the largest in a decade, officials said.", outlet: "Evening Post"));

    private static SearchResponse Search(ArticleSearcher searcher, SearchRequest request) =>
        searcher.Search(request, FuzzyMode.Suggest, CancellationToken.None);

    [Fact]
    public void RepeatedRequestIsAnsweredFromTheCacheWithTheSameResults()
    {
        using var index = Build();
        using var searcher = new ArticleSearcher(index.Index, index.Options, SynonymExpander.Empty, new SearchResultCache(10));
        var first = Search(searcher, new SearchRequest { Query = "grain" });
        var second = Search(searcher, new SearchRequest { Query = "grain" });
        Assert.Null(first.Cached);
        Assert.True(second.Cached);
        Assert.Equal(first.Hits.Select(h => h.Id), second.Hits.Select(h => h.Id));
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(first.Facets.Keys, second.Facets.Keys);
    }

    [Fact]
    public void RequestsThatDifferInAnyParameterAreNotServedFromEachOther()
    {
        using var index = Build();
        using var searcher = new ArticleSearcher(index.Index, index.Options, SynonymExpander.Empty, new SearchResultCache(10));
        Assert.Equal(2, Search(searcher, new SearchRequest { Query = "grain" }).Total);
        var filtered = Search(searcher, new SearchRequest { Query = "grain", Outlets = ["Daily Ledger"] });
        Assert.Null(filtered.Cached);
        Assert.Equal(["a"], filtered.Hits.Select(h => h.Id));
        var sized = Search(searcher, new SearchRequest { Query = "grain", Size = 1 });
        Assert.Null(sized.Cached);
        Assert.Single(sized.Hits);
        Assert.Null(searcher.Search(new SearchRequest { Query = "grain" }, FuzzyMode.Off, CancellationToken.None).Cached);
    }

    [Fact]
    public void EveryRequestPropertyIsPartOfTheKey()
    {
        // A property added to SearchRequest but left out of the key would serve one request another's answer.
        var baseline = new SearchRequest();
        foreach (var property in typeof(SearchRequest).GetProperties().Where(p => p.CanWrite))
        {
            var changed = baseline with { };
            property.SetValue(changed, OtherValue(property.PropertyType, property.GetValue(baseline)));
            Assert.NotEqual(SearchResultCache.KeyOf(baseline, "m"), SearchResultCache.KeyOf(changed, "m"));
        }

        Assert.NotEqual(SearchResultCache.KeyOf(baseline, "a"), SearchResultCache.KeyOf(baseline, "b"));
        Assert.NotEqual(SearchResultCache.KeyOf(baseline with { Outlets = ["x"] }, "m"), SearchResultCache.KeyOf(baseline with { Speakers = ["x"] }, "m"));
    }

    private static object OtherValue(Type type, object? current)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => "other",
            _ when underlying == typeof(int) => (int)(current ?? 0) + 7,
            _ when underlying == typeof(bool) => !(bool)(current ?? false),
            _ when underlying == typeof(DateOnly) => new DateOnly(2021, 3, 4),
            _ when underlying == typeof(IReadOnlyList<string>) => new[] { "other" },
            _ when underlying.IsEnum => Enum.GetValues(underlying).Cast<object>().First(v => !v.Equals(current)),
            _ => throw new InvalidOperationException($"Give the key test a value for {type}."),
        };
    }

    [Fact]
    public void AWriteMadeVisibleIsNeverHiddenByACachedAnswer()
    {
        using var index = Build();
        using var searcher = new ArticleSearcher(index.Index, index.Options, SynonymExpander.Empty, new SearchResultCache(10));
        Assert.Equal(2, Search(searcher, new SearchRequest { Query = "grain" }).Total);
        Assert.True(Search(searcher, new SearchRequest { Query = "grain" }).Cached);

        index.Add(Article("c", "Grain prices fell again this week.", outlet: "Daily Ledger"));
        var after = Search(searcher, new SearchRequest { Query = "grain" });
        Assert.Null(after.Cached);
        Assert.Equal(3, after.Total);
        Assert.Contains("c", after.Hits.Select(h => h.Id));
    }

    [Fact]
    public void TheCacheHoldsAtMostItsCapacityAndZeroTurnsItOff()
    {
        using var index = Build();
        var cache = new SearchResultCache(2);
        using (var searcher = new ArticleSearcher(index.Index, index.Options, SynonymExpander.Empty, cache))
        {
            foreach (var query in new[] { "grain", "farmers", "harvest", "tariffs" })
            {
                Search(searcher, new SearchRequest { Query = query });
            }

            Assert.Equal(2, cache.Count);
            Assert.True(Search(searcher, new SearchRequest { Query = "tariffs" }).Cached);
            Assert.Null(Search(searcher, new SearchRequest { Query = "grain" }).Cached);
        }

        using var uncached = new ArticleSearcher(index.Index, index.Options, SynonymExpander.Empty, new SearchResultCache(0));
        Search(uncached, new SearchRequest { Query = "grain" });
        Assert.Null(Search(uncached, new SearchRequest { Query = "grain" }).Cached);
    }

    [Fact]
    public void ACachedAnswersBodyIsEncodedOnceEvenWhenManyRequestsAskAtOnce()
    {
        using var index = Build();
        var cache = new SearchResultCache(10);
        using var searcher = new ArticleSearcher(index.Index, index.Options, SynonymExpander.Empty, cache);
        var fresh = Search(searcher, new SearchRequest { Query = "grain" });
        Assert.Null(cache.EncodedBody(fresh, _ => throw new InvalidOperationException("a fresh answer has no cached body")));

        var cached = Search(searcher, new SearchRequest { Query = "grain" });
        var encodings = 0;
        var bodies = new byte[16][];
        Parallel.For(0, bodies.Length, i => bodies[i] = cache.EncodedBody(cached, r =>
        {
            Interlocked.Increment(ref encodings);
            return System.Text.Encoding.UTF8.GetBytes(r.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        })!);
        Assert.Equal(1, encodings);
        Assert.All(bodies, b => Assert.Same(bodies[0], b));
    }

    [Fact]
    public void AnEvictedOrOutdatedAnswerHasNoCachedBody()
    {
        using var index = Build();
        var cache = new SearchResultCache(1);
        using var searcher = new ArticleSearcher(index.Index, index.Options, SynonymExpander.Empty, cache);
        Search(searcher, new SearchRequest { Query = "grain" });
        var grain = Search(searcher, new SearchRequest { Query = "grain" });
        Assert.NotNull(cache.EncodedBody(grain, _ => [1]));
        Search(searcher, new SearchRequest { Query = "farmers" });
        Assert.Null(cache.EncodedBody(grain, _ => [2]));

        var farmers = Search(searcher, new SearchRequest { Query = "farmers" });
        index.Add(Article("c", "Grain prices fell again this week.", outlet: "Daily Ledger"));
        Search(searcher, new SearchRequest { Query = "grain" });
        Assert.Null(cache.EncodedBody(farmers, _ => [3]));
    }
}
