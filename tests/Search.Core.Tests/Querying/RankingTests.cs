using Lucene.Net.Search.Similarities;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

public sealed class RankingTests
{
    [Fact]
    public void SearchersScoreWithBM25()
    {
        using var index = new TestIndex(Article("a", "text"));
        using var lease = index.Index.AcquireSearcher();
        Assert.IsType<BM25Similarity>(lease.Searcher.Similarity);
    }

    [Fact]
    public void TitleMatchRanksAboveSameWordInBody()
    {
        using var index = new TestIndex(
            Article("body-only", "A long report that mentions sanctions once among many other words about trade and policy.", title: "Report on policy"),
            Article("in-title", "A long report about trade and policy and many other words that fill the body here.", title: "Sanctions report"));
        Assert.Equal("in-title", index.Ids("sanctions")[0]);
    }

    [Fact]
    public void MoreOccurrencesRankHigherWithSaturation()
    {
        using var index = new TestIndex(
            Article("once", "Pipeline news: the pipeline was mentioned, and also gas and oil and energy markets today."),
            Article("never", "Gas and oil and energy markets today, nothing else to say about markets in general now."),
            Article("twice", "Pipeline pipeline: the pipeline was mentioned often, gas and oil and energy markets today."));
        Assert.Equal(["twice", "once"], index.Ids("pipeline"));
    }

    [Fact]
    public void ScoresAreReturnedForRelevanceOrder()
    {
        using var index = new TestIndex(Article("a", "alpha beta"), Article("b", "alpha"));
        var hits = index.Search("alpha").Hits;
        Assert.All(hits, h => Assert.True(h.Score > 0));
        Assert.True(hits[0].Score >= hits[1].Score);
    }
}
