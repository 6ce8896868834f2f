using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Core.Sharding;

/// <summary>
/// A batch of writes to one index, as the API's one index and each shard take it: every item staged (logged and
/// applied) in order, then one fsync for the batch. An item that fails alone (bad article, log append on a full
/// disk) reports why and the others go on; a failed fsync un-acknowledges every staged item.
/// </summary>
public static class ShardBatchWrite
{
    /// <param name="ingestor">Stages each article on <paramref name="index"/>.</param>
    /// <param name="index">The index whose log the batch is synced to.</param>
    /// <param name="items">The articles, in order.</param>
    /// <param name="staged">Receives each staged write (for the write observers), or null.</param>
    public static ShardWriteResult[] Write(ArticleIngestor ingestor, ArticleIndex index, IReadOnlyList<ShardWriteItem> items, List<StagedWrite>? staged = null)
    {
        var results = new ShardWriteResult[items.Count];
        long last = 0;
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                var (article, outcome, sequence) = ingestor.Stage(items[i].Article, items[i].SpeakersGiven);
                last = Math.Max(last, sequence);
                staged?.Add(new StagedWrite(article, outcome, sequence));
                results[i] = new ShardWriteResult(outcome);
            }
            catch (ArticleWriteException ex)
            {
                results[i] = new ShardWriteResult(null, ex.Field, ex.Message);
            }
            catch (IOException ex)
            {
                // Disk full and the like: this item is not stored; items before it in the batch still are, and are reported.
                results[i] = new ShardWriteResult(null, null, "Not stored: the write-ahead log could not be written (" + ex.Message + ").", StorageFailed: true);
            }
        }

        if (last > 0)
        {
            try
            {
                index.WaitDurable(last);
            }
            catch (IOException ex)
            {
                // Not durable, so not acknowledged: every staged item of the batch says so.
                for (var i = 0; i < results.Length; i++)
                {
                    if (results[i].Outcome is not null)
                    {
                        results[i] = new ShardWriteResult(null, null, "Not stored: the write-ahead log could not be synced (" + ex.Message + ").", StorageFailed: true);
                    }
                }
            }
        }

        return results;
    }
}
