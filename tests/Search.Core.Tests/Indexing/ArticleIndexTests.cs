using Lucene.Net.Index;
using Lucene.Net.Search;
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
    public void AddAllKeepsTheLastVersionOfAnIdRepeatedInTheBatch()
    {
        using var index = new TestIndex();
        var written = index.Index.AddAll(
            [Article("a", "first version"), Article("b", "other story"), Article("a", "second version")], threads: 2, CancellationToken.None);
        index.Index.Commit();
        index.Index.Refresh();
        Assert.Equal(2, written);
        Assert.Equal(0, index.Index.AddAll([], threads: 2, CancellationToken.None));
        Assert.Equal(2, index.Index.Count);
        Assert.Equal("second version", index.Searcher.GetArticle("a").Body);
        Assert.Empty(index.Ids("first"));
        Assert.Equal(["b"], index.Ids("\"other story\""));
    }

    [Fact]
    public void AddAllReplacesAnIdWrittenByAnEarlierBatchOrByUpsert()
    {
        using var index = new TestIndex();
        index.Index.AddAll([Article("x", "batch one"), Article("y", "batch one")], threads: 2, CancellationToken.None);
        index.Index.AddAll([Article("x", "batch two")], threads: 1, CancellationToken.None);
        index.Index.Upsert(Article("z", "upserted"));
        index.Index.AddAll([Article("z", "batch three"), Article("y", "batch three")], threads: 2, CancellationToken.None);
        index.Index.Commit();
        index.Index.Refresh();
        Assert.Equal(3, index.Index.Count);
        Assert.Equal(["x"], index.Ids("two"));
        Assert.Equal(["y", "z"], index.Ids("three").Order(StringComparer.Ordinal));
        Assert.Empty(index.Ids("one"));
        Assert.Empty(index.Ids("upserted"));
    }

    [Fact]
    public void AddAllOnAReopenedIndexReplacesCommittedArticles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "addall-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = new ArticleIndex(folder))
            {
                index.AddAll([Article("x", "old text")], threads: 1, CancellationToken.None);
                index.Commit();
            }

            using (var index = new ArticleIndex(folder))
            {
                Assert.Equal(1, index.Count);
                index.AddAll([Article("x", "new text")], threads: 2, CancellationToken.None);
                index.Commit();
                index.Refresh();
                Assert.Equal(1, index.Count);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            File.Delete(folder + ".wal");
        }
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

    [Fact]
    public void DurableWritesAreReplayedFromTheLogAfterACrash()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wal-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Simulate a crash: copy the folder and its log while the index is open, after the writes
            // are durable but before any Lucene commit holds them.
            var crashCopy = folder + "-crash";
            using (var index = new ArticleIndex(folder))
            {
                index.WaitDurable(index.Upsert(Article("kept", "durable text")));
                index.WaitDurable(index.Upsert(Article("gone", "deleted text")));
                index.WaitDurable(index.Delete("gone"));
                CopyFolder(folder, crashCopy);
                File.Copy(folder + ".wal", crashCopy + ".wal");
            }

            using var recovered = new ArticleIndex(crashCopy);
            Assert.Equal(3, recovered.Replayed);
            Assert.Equal(1, recovered.Count);
            Assert.True(Has(recovered, "kept"));
            Assert.False(Has(recovered, "gone"));
        }
        finally
        {
            foreach (var path in new[] { folder, folder + "-crash" })
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                File.Delete(path + ".wal");
            }
        }
    }

    [Fact]
    public void ATornLastLogLineIsIgnored()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wal-torn-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = new ArticleIndex(folder))
            {
                index.Commit();
            }

            File.WriteAllText(folder + ".wal",
                """{"seq":1,"op":"upsert","article":{"id":"a","url":null,"title":null,"body":"whole line","outlet":null,"sources":[],"speakers":[],"quotes":[],"published":null},"id":null}""" + "\n"
                + """{"seq":2,"op":"upsert","article":{"id":"b","bo""");
            using var recovered = new ArticleIndex(folder);
            Assert.Equal(1, recovered.Replayed);
            Assert.True(Has(recovered, "a"));
            Assert.False(Has(recovered, "b"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            File.Delete(folder + ".wal");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            if (!file.EndsWith("write.lock", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }

    /// <summary>Whether a search on the index's current reader finds the id.</summary>
    private static bool Has(ArticleIndex index, string id)
    {
        using var lease = index.AcquireSearcher();
        return lease.Searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1).TotalHits > 0;
    }
}
