using System.Globalization;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Core.Engine;

/// <summary>
/// The write side of the engine, on every layout: extracts each article here (the costly, stateless part) and sends
/// it to the shard owning its id (<see cref="ShardRouter"/>), which stores it and answers once it is durable in that
/// shard's write log and its observers have it (<see cref="ArticleIngestor.WriteBatch"/>). A bulk batch goes to its shards at
/// once, one call and one fsync per shard. Extraction depends on the article alone, so an article is stored alike on
/// any shard and in any order.
/// </summary>
public sealed class ShardedWriter(IReadOnlyList<IShard> shards)
{
    private readonly ShardRouter _router = new(shards.Count);

    public ShardRouter Router => _router;

    /// <summary>Extracts and stores one article, returning once it is durable.</summary>
    public async Task<(Article Article, IngestOutcome Outcome)> WriteAsync(RawArticle raw, bool waitUntilVisible)
    {
        var article = ArticleIngestor.Extract(raw);
        var shard = _router.ShardOf(article.Id);
        var result = (await ShardCall.OnAsync(shard, () => shards[shard].WriteAsync([new ShardWriteItem(article, raw.Speakers is not null)], waitUntilVisible)))[0];
        return result.Outcome is { } outcome ? (article, outcome) : throw result.ToException();
    }

    /// <summary>
    /// Stores extracted articles (in input order per id) on their shards at once; each result says created,
    /// updated or why not, and every created or updated one is durable when this returns.
    /// </summary>
    public async Task<IReadOnlyList<ShardWriteResult>> WriteBatchAsync(IReadOnlyList<ShardWriteItem> items, bool waitUntilVisible)
    {
        var byShard = items.Select((item, i) => (item, i)).GroupBy(x => _router.ShardOf(x.item.Article.Id)).ToList();
        var calls = byShard.Select(group => shards[group.Key].WriteAsync([.. group.Select(x => x.item)], waitUntilVisible)).ToArray();
        var results = new ShardWriteResult[items.Count];
        for (var g = 0; g < byShard.Count; g++)
        {
            var positions = byShard[g].Select(x => x.i).ToList();
            try
            {
                var answers = await calls[g];
                for (var k = 0; k < positions.Count; k++)
                {
                    results[positions[k]] = answers[k];
                }
            }
#pragma warning disable CA1031 // A shard that cannot be reached stores nothing: its lines say so, the others are answered.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var message = NotAcknowledged(byShard[g].Key, ex);
                foreach (var position in positions)
                {
                    results[position] = new ShardWriteResult(null, null, message, StorageFailed: true);
                }
            }
        }

        return results;
    }

    /// <summary>
    /// Why a batch's lines on <paramref name="shard"/> are not acknowledged. A call that timed out may still have
    /// been stored (a loaded shard can finish after the caller gave up), so the line must not say "not stored":
    /// it says the outcome is unknown and that sending it again is safe, since a write by id replaces.
    /// </summary>
    private static string NotAcknowledged(int shard, Exception ex) => ex is TimeoutException
        ? $"Not acknowledged: shard {shard} did not answer in time, so the article may or may not be stored; sending the line again is safe (a write with the same id replaces it). ({ex.Message})"
        : $"Not acknowledged: shard {shard} could not be reached; send the line again once it is back (a write with the same id replaces it). ({ex.Message})";

    /// <summary>Deletes durably on the owning shard; false when no article has the id.</summary>
    public Task<bool> DeleteAsync(string id, bool waitUntilVisible)
    {
        var shard = _router.ShardOf(id);
        return ShardCall.OnAsync(shard, () => shards[shard].DeleteAsync(id, waitUntilVisible));
    }

    /// <summary>Each shard's last commit copied into <c>{folder}/shard-NN</c>, with the shard count beside them.</summary>
    public async Task<int> BackupAsync(string folder)
    {
        var files = await Task.WhenAll(shards.Select((shard, i) => ShardCall.OnAsync(i, () => shard.BackupAsync(ShardedArticleIndex.ShardPath(folder, i, shards.Count)))));
        if (shards.Count > 1)
        {
            File.WriteAllText(Path.Combine(folder, ShardedArticleIndex.ShardCountFile), shards.Count.ToString(CultureInfo.InvariantCulture));
        }

        return files.Sum();
    }

    /// <summary>Makes every acknowledged write visible on every shard (a bulk load's refresh=wait).</summary>
    public Task RefreshAsync() => Task.WhenAll(shards.Select(s => s.RefreshAsync()));

    /// <summary>Live articles over every shard; <see cref="ShardsUnavailableException"/> when some shard does not answer.</summary>
    /// <summary>
    /// True when any shard holds acknowledged writes that a writer failure (a full disk) keeps from being applied,
    /// or does not answer (its writes' state is unknown): /health then says "degraded".
    /// </summary>
    public async Task<bool> DegradedAsync()
    {
        var calls = shards.Select(s => s.DegradedAsync()).ToArray();
        var degraded = false;
        foreach (var call in calls)
        {
            try
            {
                degraded |= await call;
            }
            catch (Exception ex) when (ShardCall.IsShardFailure(ex))
            {
                degraded = true;
            }
        }

        return degraded;
    }

    public async Task<int> CountAsync()
    {
        var calls = shards.Select(s => s.CountAsync()).ToArray();
        var total = 0;
        var missing = new List<int>();
        for (var i = 0; i < calls.Length; i++)
        {
            try
            {
                total += await calls[i];
            }
#pragma warning disable CA1031 // Whatever kept a shard from answering, the count is not whole: say which.
            catch (Exception)
#pragma warning restore CA1031
            {
                missing.Add(i);
            }
        }

        return missing.Count == 0 ? total : throw new ShardsUnavailableException(missing);
    }
}
