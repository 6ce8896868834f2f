using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying.Similar;

public sealed class SimilarArticleFinderTests
{
    private static TestIndex Build() => new(
        Article("pipeline", "The gas pipeline under the Baltic Sea was damaged, and engineers inspected the pipeline for leaks of gas."),
        Article("pipeline2", "Divers reached the damaged Baltic pipeline; gas leaks from the pipeline slowed, engineers said."),
        Article("football", "The football club won the cup final after extra time, and fans celebrated in the square."),
        Article("tennis", "The tennis champion won the final in straight sets as fans cheered on the centre court."));

    [Fact]
    public void SimilarArticlesShareDistinctiveWordsAndExcludeTheArticleItself()
    {
        using var index = Build();
        var finder = index.Searcher;
        var hits = finder.FindSimilar("pipeline", 3);
        Assert.DoesNotContain(hits, h => h.Id == "pipeline");
        Assert.Equal("pipeline2", hits[0].Id);
        Assert.All(hits, h => Assert.True(h.Score > 0));
    }

    [Fact]
    public void SizeLimitsTheHits()
    {
        using var index = Build();
        var finder = index.Searcher;
        Assert.Single(finder.FindSimilar("tennis", 1));
    }

    [Fact]
    public void UnknownArticleThrowsNotFound()
    {
        using var index = Build();
        var finder = index.Searcher;
        Assert.Throws<ArticleNotFoundException>(() => finder.FindSimilar("missing", 5));
    }
}
