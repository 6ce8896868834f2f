using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Indexing;

public sealed class ArticleIndexTests
{
    [Fact]
    public void UpsertWithSameIdReplacesTheArticle()
    {
        using var index = new TestIndex(Article("x", "first version"));
        index.Add(Article("x", "second version"));
        Assert.Equal(1, index.Index.Count);
        Assert.Equal("second version", index.Searcher.GetArticle("x").Body);
        Assert.Empty(index.Ids("first"));
    }

    [Fact]
    public void StoredArticleRoundTripsEveryField()
    {
        var article = new Article("id-1", "https://example.com/a", "A title", "Body text.", "Example News", ["CNN"],
            ["Ada Lovelace"], [new Quote("Ada Lovelace", "Engines compute.")], new DateOnly(2021, 5, 6));
        using var index = new TestIndex(article);
        var stored = index.Searcher.GetArticle("id-1");
        Assert.Equal(article with { Sources = [], Speakers = [], Quotes = [] }, stored with { Sources = [], Speakers = [], Quotes = [] });
        Assert.Equal(article.Sources, stored.Sources);
        Assert.Equal(article.Speakers, stored.Speakers);
        Assert.Equal(article.Quotes, stored.Quotes);
    }

    [Fact]
    public void QuoteFieldSearchesOnlyQuotedWords()
    {
        using var index = new TestIndex(
            Article("q", "He spoke about sanctions and trade.", quotes: [new Quote("Ann Lee", "Trade will recover.")], speakers: ["Ann Lee"]));
        Assert.Equal(["q"], index.Ids("quote:trade"));
        Assert.Empty(index.Ids("quote:sanctions"));
        Assert.Equal(["q"], index.Ids("speaker:\"Ann Lee\" AND quote:recover"));
    }

    [Fact]
    public void UnknownIdIsNotFound()
    {
        using var index = new TestIndex(Article("x", "text"));
        Assert.Throws<ArticleNotFoundException>(() => index.Searcher.GetArticle("nope"));
    }

    [Fact]
    public void SecondWriterOnTheSameIndexGetsAClearError()
    {
        using var index = new TestIndex(Article("x", "text"));
        var error = Assert.Throws<IndexLockedException>(() => new ArticleIndex(index.Index.Path));
        Assert.Contains("another process", error.Message, StringComparison.Ordinal);
    }
}
