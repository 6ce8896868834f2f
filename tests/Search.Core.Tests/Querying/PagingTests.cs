using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

public sealed class PagingTests : IDisposable
{
    private readonly TestIndex _index = new();

    public PagingTests()
    {
        // Identical bodies give identical scores: the id tie-breaker must still order them.
        for (var batch = 0; batch < 3; batch++)
        {
            _index.Add(Enumerable.Range(batch * 9, 9)
                .Select(i => Article($"a{i:00}", "same words in every article", published: i % 4 == 0 ? null : new DateOnly(2020, 1, 1).AddDays(i)))
                .ToArray());
        }
    }

    [Theory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public void CursorWalksEveryHitOnceInOrder(SearchSort sort)
    {
        var expected = _index.Ids("words", r => r with { Sort = sort, Size = 100 });
        var walked = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var response = _index.Search("words", r => r with { Sort = sort, Size = 4, After = after });
            walked.AddRange(response.Hits.Select(h => h.Id));
            after = response.After;
            pages++;
        }
        while (after is not null && pages < 20);

        Assert.Equal(27, expected.Count);
        Assert.Equal(expected, walked);
    }

    [Fact]
    public void PagesByNumberSplitTheSameOrder()
    {
        var all = _index.Ids("words", r => r with { Size = 27 });
        var second = _index.Ids("words", r => r with { Page = 2, Size = 10 });
        Assert.Equal(all.Skip(10).Take(10), second);
    }

    [Fact]
    public void NewestPutsUndatedArticlesLast()
    {
        var hits = _index.Search(null, r => r with { Sort = SearchSort.Newest, Size = 27 }).Hits;
        var dated = hits.TakeWhile(h => h.Published is not null).ToList();
        Assert.Equal(dated.Select(h => h.Published).OrderDescending(), dated.Select(h => h.Published));
        Assert.All(hits.Skip(dated.Count), h => Assert.Null(h.Published));
        Assert.Equal(7, hits.Count - dated.Count);
    }

    [Fact]
    public void LastPageHasNoCursor()
    {
        Assert.Null(_index.Search("words", r => r with { Page = 3, Size = 9 }).After);
        Assert.NotNull(_index.Search("words", r => r with { Page = 2, Size = 9 }).After);
    }

    [Theory]
    [InlineData(0, 10, "page")]
    [InlineData(1, 0, "size")]
    [InlineData(1, 101, "size")]
    [InlineData(2000, 10, "page")]
    public void OutOfRangePagingIsRejected(int page, int size, string parameter)
    {
        var error = Assert.Throws<SearchRequestException>(() => _index.Search("words", r => r with { Page = page, Size = size }));
        Assert.Equal(parameter, error.Parameter);
    }

    [Fact]
    public void ForeignCursorIsRejected()
    {
        Assert.Throws<SearchRequestException>(() => _index.Search("words", r => r with { After = "not-a-cursor" }));
        var cursor = _index.Search("words", r => r with { Size = 2 }).After;
        Assert.Throws<SearchRequestException>(() => _index.Search("words", r => r with { After = cursor, Sort = SearchSort.Newest }));
    }

    public void Dispose() => _index.Dispose();
}
