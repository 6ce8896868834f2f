using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Articles;

public sealed class ArticleRecordReaderTests
{
    [Fact]
    public void CanonicalNamesWinOverTheirAliases()
    {
        var record = ArticleRecordReader.Read("""{"body":"alias text","text":"canonical text","date":"2020-01-01","published":"2021-02-02","source":"AP","sources":["Reuters"]}""");
        Assert.Equal("canonical text", record.Text);
        Assert.Equal("2021-02-02", record.Published);
        Assert.Equal(["Reuters"], record.Sources);
    }

    [Fact]
    public void AuthorsGivenAsOneStringAreAListWithoutQuotes()
    {
        var raw = ArticleRecordReader.Read("""{"id":"a2","text":"Some text.","authors":"Jane Roe, \"John Doe\", Jane Roe"}""").ToRawArticle();
        Assert.Equal(["Jane Roe", "John Doe"], raw.Authors);
        Assert.Equal(["Ann Lee"], ArticleRecordReader.Read("""{"text":"T","authors":["Ann Lee"]}""").ToRawArticle().Authors);
    }

    [Fact]
    public void AliasesAreReadWhenTheCanonicalNameIsMissing()
    {
        var raw = ArticleRecordReader.Read("""{"id":"a1","body":"Some text.","date":"March 3, 2022","source":"AP"}""").ToRawArticle();
        Assert.Equal("Some text.", raw.Text);
        Assert.Equal(new DateOnly(2022, 3, 3), raw.Published);
        Assert.Equal(["AP"], raw.Sources);
    }

    [Fact]
    public void NamesAreMatchedIgnoringCaseAndUnknownMembersAreIgnored()
    {
        var record = ArticleRecordReader.Read("""{"Text":"T","TITLE":"Headline","authors":"Someone","topic":{"a":1}}""");
        Assert.Equal("T", record.Text);
        Assert.Equal("Headline", record.Title);
    }

    [Fact]
    public void NullAndEmptyMembersCountAsAbsent()
    {
        var raw = ArticleRecordReader.Read("""{"text":"","body":"Fallback body.","title":null,"speakers":[],"url":""}""").ToRawArticle(defaultId: "d-1");
        Assert.Equal("Fallback body.", raw.Text);
        Assert.Null(raw.Title);
        Assert.Null(raw.Speakers);
        Assert.Null(raw.Url);
        Assert.Equal("d-1", raw.Id);
    }

    [Fact]
    public void ANumericIdIsReadAsItsDigits() =>
        Assert.Equal("12345", ArticleRecordReader.Read("""{"id":12345,"text":"x"}""").Id);

    [Theory]
    [InlineData("""{"text":42}""", "text")]
    [InlineData("""{"date":true,"text":"x"}""", "date")]
    [InlineData("""{"speakers":"Ann Lee","text":"x"}""", "speakers")]
    [InlineData("""{"sources":[1],"text":"x"}""", "sources")]
    [InlineData("""{"text":"lone \ud800 surrogate"}""", "text")]
    [InlineData("""{"text":"x","speakers":["\udc00"]}""", "speakers")]
    [InlineData("""null""", "json")]
    [InlineData("""{"text":"a\u0000""", "json")]
    public void AMemberOfTheWrongTypeIsAnErrorNamingIt(string json, string field) =>
        Assert.Equal(field, Assert.Throws<ArticleWriteException>(() => ArticleRecordReader.Read(json)).Field);

    [Fact]
    public void TextWinsOverHtmlAndHtmlIsUsedWhenTextIsBlank()
    {
        Assert.Null(new ArticleRecord { Id = "a", Text = "Plain.", Html = "<p>Markup</p>" }.ToRawArticle().Html);
        var fromHtml = new ArticleRecord { Id = "a", Text = "  ", Html = "<p>Markup</p>" }.ToRawArticle();
        Assert.Equal("<p>Markup</p>", fromHtml.Html);
    }

    [Fact]
    public void TheRouteIdMustAgreeWithTheBodysId()
    {
        var record = new ArticleRecord { Id = "a", Text = "x" };
        Assert.Equal("a", record.ToRawArticle(routeId: "a").Id);
        Assert.Equal("id", Assert.Throws<ArticleWriteException>(() => record.ToRawArticle(routeId: "b")).Field);
    }

    [Fact]
    public void AMissingIdIsDerivedFromTheUrl()
    {
        var one = new ArticleRecord { Text = "x", Url = "https://example.com/a" }.ToRawArticle();
        var two = new ArticleRecord { Text = "other text", Url = "https://example.com/a" }.ToRawArticle();
        Assert.Equal(one.Id, two.Id);
    }

    [Fact]
    public void GivenSourcesReplaceTheExtractedOnesAndAreNormalised()
    {
        var raw = ArticleRecordReader.Read("""{"id":"s1","text":"Headline\n\nThe council met on Monday, Reuters reported.","sources":["the Associated Press"]}""").ToRawArticle();
        var article = ArticleParser.Parse(raw);
        Assert.Equal([OutletNames.Normalize("the Associated Press")], article.Sources);
    }
}
