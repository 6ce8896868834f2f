using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class SurfaceTokensTests
{
    public static TheoryData<string> Texts => new()
    {
        "",
        "   ",
        "Putin's forces launched strikes on Kyïv; the U.S. said “no comment” at 3.30pm — NATO's allies disagreed.",
        "Running runners ran. Ünïcödé café naïve façade ÆSIR straße 🙂 emoji e-mail foo_bar 2024-01-05 don't won’t",
        string.Concat(Enumerable.Repeat("A long body with repeated words, numbers 12,345 and dots... ", 200)),
        "x" + new string('y', 300) + " after a token longer than the tokenizer's limit",
    };

    /// <summary>Indexing replays these streams instead of analysing the body twice: they must equal the analyzer's.</summary>
    [Theory]
    [MemberData(nameof(Texts))]
    public void ReplayedStreamsEqualTheAnalyzerOnBodyAndWords(string text)
    {
        var analyzer = new ArticleAnalyzer();
        var tokens = SurfaceTokens.Analyse(text);
        Assert.Equal(Read(analyzer.GetTokenStream(ArticleFields.Body, text)), Read(tokens.Stemmed()));
        Assert.Equal(Read(analyzer.GetTokenStream(ArticleFields.Words, text)), Read(tokens.Surface()));
        // A stream can be read more than once (Reset starts it over).
        Assert.Equal(Read(tokens.Surface()), Read(tokens.Surface()));
    }

    private static List<string> Read(TokenStream stream)
    {
        var result = new List<string>();
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                result.Add($"{term}|{increment.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}");
            }

            stream.End();
            result.Add($"end|{increment.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}");
        }

        return result;
    }
}
