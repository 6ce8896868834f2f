using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// Work that must happen with every article write and share its durability (alerts record their matches
/// here). <see cref="ArticleIngestor"/> calls <see cref="OnStaged"/> after the write is logged and
/// <see cref="WaitDurable"/> after the log is fsynced, before the write is acknowledged.
/// </summary>
public interface IArticleWriteObserver
{
    /// <summary>Called once per upserted article, with the write's sequence number, before it is durable.</summary>
    void OnStaged(Article article, long sequence);

    /// <summary>Returns once everything recorded by <see cref="OnStaged"/> so far survives a crash.</summary>
    void WaitDurable();
}
