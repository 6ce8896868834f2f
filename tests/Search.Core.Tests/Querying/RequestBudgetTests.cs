using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

/// <summary>Every stage of a request is inside one time budget (#13), not only collecting.</summary>
public sealed class RequestBudgetTests
{
    [Fact]
    public void SearchPastItsBudgetIsATimeoutWhicheverStageItIsIn()
    {
        using var index = new TestIndex(Article("a", "Talks resumed in Geneva."));
        using var searcher = new ArticleSearcher(index.Index, index.Options, time: new HourPerReadingClock());
        Assert.Throws<SearchTimeoutException>(() => searcher.Search(new SearchRequest { Query = "talks" }, FuzzyMode.Suggest, CancellationToken.None));
    }

    [Fact]
    public void ArticleHighlightingPastItsBudgetIsATimeout()
    {
        using var index = new TestIndex(Article("a", "Talks resumed in Geneva."));
        using var searcher = new ArticleSearcher(index.Index, index.Options, time: new HourPerReadingClock());
        Assert.Throws<SearchTimeoutException>(() => searcher.HighlightBody("a", "talks"));
    }

    [Fact]
    public void SearchWithinItsBudgetAnswers()
    {
        using var index = new TestIndex(Article("a", "Talks resumed in Geneva."));
        Assert.Equal(["a"], index.Ids("talks"));
    }

    /// <summary>A clock that moves an hour every time it is read: any budget is spent at its first check.</summary>
    private sealed class HourPerReadingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerHour);
    }
}
