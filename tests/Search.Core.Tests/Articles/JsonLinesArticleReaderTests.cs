using Search.Core.Articles;

namespace Search.Core.Tests.Articles;

public sealed class JsonLinesArticleReaderTests
{
    [Fact]
    public void GivenFieldsAreMapped()
    {
        var file = JsonLinesArticleReader.ReadLine("x.jsonl",
            """{"id":"k1","url":"https://example.org/a","title":"T","outlet":"AP","date":"2020-05-06T10:00:00Z","body":"Text of the story."}""", 1, "x-1");
        var raw = Assert.IsType<RawArticle>(file.Article);
        Assert.Equal("k1", raw.Id);
        Assert.Equal("T", raw.Title);
        Assert.Equal("AP", raw.Outlet);
        Assert.Equal(new DateOnly(2020, 5, 6), raw.Published);
        Assert.Equal("Text of the story.", raw.Text);
    }

    [Fact]
    public void LineWithoutIdGetsFileAndLineNumber()
    {
        var file = JsonLinesArticleReader.ReadLine("x.jsonl", """{"text":"Some words."}""", 7, "x-7");
        Assert.Equal("x-7", file.Article?.Id);
    }

    [Fact]
    public void BrokenLineIsAnErrorNamingTheLine()
    {
        var file = JsonLinesArticleReader.ReadLine("x.jsonl", "{not json", 3, "x-3");
        Assert.Null(file.Article);
        Assert.StartsWith("line 3:", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void LineWithoutTextOrHtmlIsAnError()
    {
        Assert.Null(JsonLinesArticleReader.ReadLine("x.jsonl", """{"id":"a","title":"Only a title"}""", 1, "x-1").Article);
    }

    [Fact]
    public void LinesWithoutIdInAFileWithSpacesInItsNameGetValidIds()
    {
        var path = Path.Combine(Path.GetTempPath(), "news feed " + Guid.NewGuid().ToString("N")[..6] + ".jsonl");
        File.WriteAllText(path, "{\"body\":\"Some words.\"}\n");
        try
        {
            var file = Assert.Single(JsonLinesArticleReader.Read(path));
            Assert.Null(file.Error);
            Assert.Null(Search.Core.Articles.ArticleIds.Validate(file.Article!.Id));
            Assert.StartsWith("news_feed_", file.Article.Id, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ALineIsCheckedAsTheApiChecksARequest()
    {
        var file = JsonLinesArticleReader.ReadLine("x.jsonl", """{"id":"bad id","text":"Some words."}""", 4, "x-4");
        Assert.Null(file.Article);
        Assert.StartsWith("line 4: id may hold only", file.Error, StringComparison.Ordinal);
    }
}
