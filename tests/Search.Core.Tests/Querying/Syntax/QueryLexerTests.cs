using Search.Core.Querying.Syntax;

namespace Search.Core.Tests.Querying.Syntax;

public sealed class QueryLexerTests
{
    [Theory]
    [InlineData("speaker:\"Joe Biden\" AND (covid-19 OR vaccin*) -mask U.S. don't \\+x")]
    [InlineData("")]
    [InlineData("  \"unclosed phrase")]
    public void TokensSpellTheTextInOrder(string text)
    {
        var tokens = QueryLexer.Tokenize(text);
        Assert.Equal(text, string.Concat(tokens.Select(t => t.Text)));
        var position = 0;
        foreach (var token in tokens)
        {
            Assert.Equal(position, token.Start);
            position = token.End;
        }
    }

    [Fact]
    public void WordsKeepInnerHyphensAmpersandsApostrophesAndDots()
    {
        var words = QueryLexer.Tokenize("AT&T covid-19 U.S. don't").Where(t => t.IsWordLike).Select(t => t.Text);
        Assert.Equal(["AT&T", "covid-19", "U.S", "don't"], words);
    }

    [Fact]
    public void SyntaxAroundAWordDecidesItsKind()
    {
        var kinds = QueryLexer.Tokenize("title:grain AND vaccin* corr~ \\free plain")
            .Where(t => t.IsWordLike).Select(t => (t.Text, t.Kind));
        Assert.Equal(
            [
                ("title", QueryTokenKind.Field), ("grain", QueryTokenKind.FieldValue), ("AND", QueryTokenKind.Operator),
                ("vaccin", QueryTokenKind.Pattern), ("corr", QueryTokenKind.Pattern), ("free", QueryTokenKind.Pattern),
                ("plain", QueryTokenKind.Word),
            ],
            kinds);
    }

    [Fact]
    public void WordsBetweenQuotesAreInAPhrase()
    {
        var words = QueryLexer.Tokenize("a \"b c\" d").Where(t => t.IsWordLike).Select(t => (t.Text, t.InPhrase));
        Assert.Equal([("a", false), ("b", true), ("c", true), ("d", false)], words);
    }

    [Fact]
    public void LowerCaseOperatorsAreWords() =>
        Assert.All(QueryLexer.Tokenize("and or not to").Where(t => t.IsWordLike), t => Assert.Equal(QueryTokenKind.Word, t.Kind));
}
