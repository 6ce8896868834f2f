using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

public sealed class QuerySyntaxTests : IDisposable
{
    private readonly TestIndex _index = new(
        Article("a", "Russia launched its invasion of Ukraine after the Olympics.", title: "Invasion timing", speakers: ["Liu Pengyu"], outlet: "Daily Wire"),
        Article("b", "Officials said Moscow would launch an invasion soon; the invasion did launch.", title: "Warnings", outlet: "CNN"),
        Article("c", "The ceremony opened the Winter Olympics in Beijing.", title: "Opening ceremony", speakers: ["Xi Jinping"], outlet: "BBC News"),
        Article("d", "Talks on trade continued in Geneva without a deal.", title: "Trade talks"));

    [Fact]
    public void ExactPhraseMatchesOnlyAdjacentWords()
    {
        Assert.Empty(_index.Ids("\"launch invasion\""));
        Assert.Equal(["a"], _index.Ids("\"launched its invasion\""));
    }

    [Fact]
    public void PhraseQueryWithSlopMatchesWordsWithinDistance()
    {
        // "launch ... invasion" with one word between (stemming makes "launched" match "launch").
        Assert.Equal(["a", "b"], _index.Ids("\"launch invasion\"~2").Order());
        Assert.Empty(_index.Ids("\"russia olympics\"~2"));
    }

    [Fact]
    public void WordsWithoutOperatorMustAllMatchByDefault()
    {
        Assert.Equal(["a"], _index.Ids("invasion olympics"));
        Assert.Equal(["a", "b", "c"], _index.Ids("invasion olympics", r => r with { Operator = DefaultOperator.Or }).Order());
    }

    [Fact]
    public void BooleanOperatorsAndGroupingApply()
    {
        Assert.Equal(["a", "c"], _index.Ids("olympics OR (trade AND ceremony)").Order());
        Assert.Equal(["b"], _index.Ids("invasion NOT olympics"));
        Assert.Equal(["b"], _index.Ids("+invasion -olympics"));
    }

    [Fact]
    public void FieldedQueriesSearchOneField()
    {
        Assert.Equal(["c"], _index.Ids("title:ceremony"));
        Assert.Equal(["a"], _index.Ids("speaker:\"Liu Pengyu\""));
        Assert.Equal(["a"], _index.Ids("speaker:liu"));
        Assert.Equal(["c"], _index.Ids("outlet:bbc"));
    }

    [Fact]
    public void PrefixQueryMatchesWordStarts()
    {
        Assert.Equal(["c", "d"], _index.Ids("Gen* OR Bei*").Order());
    }

    [Fact]
    public void EmptyQueryMatchesEveryArticle()
    {
        Assert.Equal(4, _index.Search("").Total);
        Assert.Equal(4, _index.Search(null).Total);
    }

    [Theory]
    [InlineData("(AND", "parenthesis")]
    [InlineData("\"open phrase", "quotation mark")]
    [InlineData("nosuchfield:x", "Unknown field 'nosuchfield'")]
    [InlineData("*vasion", "'*' or '?' not allowed")]
    [InlineData("published:notadate", "is not a date")]
    public void MalformedQueryExplainsWhatIsWrong(string query, string expected)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => _index.Search(query));
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _index.Dispose();
}
