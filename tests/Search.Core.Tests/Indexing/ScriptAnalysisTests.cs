using Search.Core.Indexing;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Indexing;

/// <summary>Scripts written without spaces between words get findable words (#13).</summary>
public sealed class ScriptAnalysisTests
{
    private static readonly string LongChinese = string.Concat(Enumerable.Repeat("今天天气很好，我们一起去公园散步。", 30))
        + "北京冬奥会开幕式在国家体育场举行。" + string.Concat(Enumerable.Repeat("经济发展稳中向好，市场信心持续增强。", 30));

    [Fact]
    public void ChineseIsIndexedAsOverlappingBigrams()
    {
        using var analyzer = new ArticleAnalyzer();
        Assert.Equal(["北京", "京大", "大学"], analyzer.Terms(ArticleFields.Body, "北京大学"));
    }

    [Fact]
    public void EnglishAnalysisIsUnchangedByTheBigrams()
    {
        using var analyzer = new ArticleAnalyzer();
        Assert.Equal(["putin", "launch", "the", "invas", "of", "kyiv", "2022"], analyzer.Terms(ArticleFields.Body, "Putin's launched the invasion of Kyïv, 2022"));
    }

    [Theory]
    [InlineData("北京")]
    [InlineData("国家体育场")]
    public void ChineseWordInALongParagraphFindsAndMarksItsArticle(string word)
    {
        using var index = new TestIndex(Article("zh", LongChinese), Article("other", "北方的京剧"));
        var hit = Assert.Single(index.Search(word).Hits);
        Assert.Equal("zh", hit.Id);
        Assert.Contains("<mark>" + word + "</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("東京都は新しい政策を発表しました。", "政策")]
    [InlineData("รัฐบาลไทยประกาศนโยบายเศรษฐกิจใหม่ในวันนี้", "เศรษฐกิจ")]
    [InlineData("서울시는 새로운 정책을 발표했다", "정책")]
    public void WordOfAScriptWithoutSpacesFindsItsArticle(string body, string word)
    {
        using var index = new TestIndex(Article("a", body), Article("b", "Unrelated English text."));
        var hit = Assert.Single(index.Search(word).Hits);
        Assert.Equal("a", hit.Id);
        Assert.Contains("<mark>", hit.Snippet, StringComparison.Ordinal);
    }
}
