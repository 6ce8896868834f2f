using Search.Core.Articles;
using Search.Core.Indexing;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Indexing;

public sealed class WriteObserverTests
{
    private const string Text = "Farmers protested the new grain tariffs outside parliament on Monday morning.";

    [Fact]
    public void ObserversHearEachDurableWriteAndDeleteWithIncreasingSequenceNumbers()
    {
        using var index = new TestIndex();
        var observer = new RecordingObserver();
        var ingestor = new ArticleIngestor(index.Index, new IArticleWriteObserver[] { observer });
        ingestor.Write(new RawArticle { Id = "a", Text = Text }, waitUntilVisible: false);
        ingestor.Write(new RawArticle { Id = "a", Text = Text + " Again." }, waitUntilVisible: false);
        Assert.True(ingestor.Delete("a", waitUntilVisible: false));
        Assert.False(ingestor.Delete("a", waitUntilVisible: false));

        Assert.Equal("a:Created a:Updated a:deleted", string.Join(' ', observer.Events.Select(e => e.What)));
        Assert.True(observer.Events.Select(e => e.Sequence).SequenceEqual(observer.Events.Select(e => e.Sequence).Order()));
        Assert.Equal(3, observer.Events.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public void SearchesOnOneReaderShareTheContextBuiltWhenItWasOpened()
    {
        using var index = new TestIndex(Article("a", "Text one.", speakers: ["Adaeze Okonkwo"]));
        using var first = index.Index.AcquireSearcher();
        using var second = index.Index.AcquireSearcher();
        Assert.Same(first.Context, second.Context);

        index.Add(Article("b", "Text two."));
        using var third = index.Index.AcquireSearcher();
        Assert.NotSame(first.Context, third.Context);
        Assert.Equal(2, third.Context.Reader.NumDocs);
    }

    private sealed class RecordingObserver : IArticleWriteObserver
    {
        public List<(string What, long Sequence)> Events { get; } = [];

        public void OnDurable(Article article, IngestOutcome outcome, long sequence) => Events.Add(($"{article.Id}:{outcome}", sequence));

        public void OnDeleted(string id, long sequence) => Events.Add(($"{id}:deleted", sequence));
    }
}
