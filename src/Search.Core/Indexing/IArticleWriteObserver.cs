using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// Told about each write of <see cref="ArticleIngestor"/> once it is durable (before the client is answered),
/// with the write's log sequence number: a larger number is a later write. The extension point for work that
/// follows ingest (alerts, derived indexes). Called on the writing request's thread: keep it quick, and do not
/// throw (the write is already durable).
/// </summary>
public interface IArticleWriteObserver
{
    /// <summary>An article was created or replaced.</summary>
    void OnDurable(Article article, IngestOutcome outcome, long sequence);

    /// <summary>An article was deleted.</summary>
    void OnDeleted(string id, long sequence);

    /// <summary>
    /// Called once after the calls above for a batch of writes (one write, or a bulk batch), before the client is
    /// answered: an observer that records something per write makes it durable here, with one fsync for the batch.
    /// </summary>
    void OnBatchDurable()
    {
    }

    /// <summary>
    /// The observer that shard <paramref name="shard"/>'s writes go to, for an observer that keeps a write's sequence
    /// number (each shard numbers its own writes): by default this one.
    /// </summary>
    IArticleWriteObserver ForShard(int shard) => this;
}
