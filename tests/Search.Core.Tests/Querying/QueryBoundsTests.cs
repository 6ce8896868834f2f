using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

/// <summary>Query forms that used to fail with a 500 or cost without bound (#13).</summary>
public sealed class QueryBoundsTests : IDisposable
{
    private readonly TestIndex _index = new(
        Article("early", "Talks opened in Geneva.", published: new DateOnly(2022, 1, 20)),
        Article("late", "Talks resumed in Geneva.", published: new DateOnly(2022, 2, 10)));

    [Theory]
    [InlineData("published:[2022-02-01 TO *]", "late")]
    [InlineData("published:[* TO 2022-02-01]", "early")]
    [InlineData("published:{2022-01-20 TO *]", "late")]
    public void OpenEndedDateRangeFiltersByOneEnd(string query, string expected) =>
        Assert.Equal([expected], _index.Ids(query));

    [Theory]
    [InlineData("body:[a TO z]")]
    [InlineData("title:[* TO *]")]
    [InlineData("outlet:{a TO b}")]
    [InlineData("[a TO z]")]
    public void RangeOverWordsIsRefused(string query)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => _index.Search(query));
        Assert.Contains("published", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("t*")]
    [InlineData("?alks")]
    [InlineData("t?lks")]
    [InlineData("body:g*")]
    public void PatternWithoutEnoughLeadingLettersIsRefused(string query) =>
        Assert.Throws<QuerySyntaxException>(() => _index.Search(query));

    [Fact]
    public void PrefixWithEnoughLettersStillMatches() =>
        Assert.Equal(["early", "late"], _index.Ids("ge*").Order());

    [Fact]
    public void PrefixStandingForTooManyWordsIsRefused()
    {
        var words = Enumerable.Range(0, UserQueryParser.MaxExpansions + 10).Select(i => "zz" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        _index.Add(Article("many", string.Join(' ', words)));
        var error = Assert.Throws<QuerySyntaxException>(() => _index.Search("zz*"));
        Assert.Contains("longer prefix", error.Message, StringComparison.Ordinal);
        Assert.Equal(["many"], _index.Ids("zz1f*"));
    }

    [Fact]
    public void TwoParsesOfOnePrefixQueryAreEqual()
    {
        var parser = new UserQueryParser(new Search.Core.Indexing.ArticleAnalyzer());
        Assert.Equal(parser.Parse("gen* talks"), parser.Parse("gen* talks"));
    }

    public void Dispose() => _index.Dispose();
}
