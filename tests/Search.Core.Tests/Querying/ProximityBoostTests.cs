using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

public sealed class ProximityBoostTests
{
    [Fact]
    public void ArticleWithTheWordsTogetherRanksFirstAndMatchesAreUnchanged()
    {
        using var index = new TestIndex(
            Article("apart", "The grain harvest was late this year. Officials later discussed a shipping corridor in the north."),
            Article("together", "Officials opened a grain corridor this year after the harvest was late and shipping was discussed."));
        var response = index.Search("grain corridor", r => r with { Operator = DefaultOperator.Or });
        Assert.Equal("together", response.Hits[0].Id);
        Assert.Equal(2, response.Total);
    }

    [Fact]
    public void QueriesWithSyntaxAreLeftAsWritten()
    {
        using var index = new TestIndex(Article("a", "grain corridor"));
        var parsed = new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term("body", "grain"));
        using var analyzer = new Search.Core.Indexing.ArticleAnalyzer();
        Assert.Same(parsed, ProximityBoost.Apply(parsed, "\"grain corridor\"", analyzer));
        Assert.Same(parsed, ProximityBoost.Apply(parsed, "grain AND corridor", analyzer));
        Assert.Same(parsed, ProximityBoost.Apply(parsed, "title:grain corridor", analyzer));
        Assert.Same(parsed, ProximityBoost.Apply(parsed, "grain", analyzer));
        Assert.NotSame(parsed, ProximityBoost.Apply(parsed, "grain corridor", analyzer));
    }

    [Fact]
    public void PlainWordQueriesStillMarkOnlyTheWords()
    {
        using var index = new TestIndex(Article("a", "A grain shipment used the new corridor."));
        var snippet = index.Search("grain corridor").Hits[0].Snippet;
        Assert.Contains("<mark>grain</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>corridor</mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>grain shipment", snippet, StringComparison.Ordinal);
    }
}
