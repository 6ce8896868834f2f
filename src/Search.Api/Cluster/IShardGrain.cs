using Search.Core.Articles;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Sharding;

namespace Search.Api.Cluster;

/// <summary>
/// One shard of the index as an Orleans grain (key: the shard number): the messages of <see cref="IShard"/>,
/// answered by the silo the grain is activated on. Orleans places the grains and, when a silo dies, activates
/// its grains again on another silo, which opens the shard from the shared data root and replays its write log.
/// Collections cross as arrays: Orleans serialises the runtime type, and a collection expression typed as
/// IReadOnlyList can be a compiler-made type it does not know.
/// </summary>
public interface IShardGrain : IGrainWithIntegerKey
{
    Task<ShardStatistics> CollectStatistics(ShardQuery query);

    Task<ShardQueryResult> Query(ShardQuery query, ShardStatistics statistics);

    Task<SearchHit?[]> Fetch(ShardQuery query, string[] ids);

    Task<ShardStatistics> QuoteStatistics(ShardQuoteQuery query);

    Task<ShardQueryResult> QuoteArticles(ShardQuoteQuery query, ShardStatistics statistics);

    Task<ShardQuote[]> Quotes(ShardQuoteQuery query, ShardStatistics statistics);

    Task<ShardTermCounts> SampleTerms(string[] ids);

    Task<ShardTermCounts> TermBackground(string[] terms);

    Task<SpellingWord[]> Spelling(string? queryText);

    Task<string[]?> LikeTerms(string id);

    Task<Article?> GetArticle(string id);

    Task<string?> HighlightBody(string id, string? queryText);

    Task<Completion[]> Complete(string prefix, int size);

    // Writes get their own timeouts, longer than the cluster's response timeout (3 probe timeouts, 6 s by default),
    // which is sized for searches: on a loaded machine a bulk batch's shard call took longer than 6 s, was answered
    // "not acknowledged" and was stored all the same (the cluster bench). A dead silo's calls still fail as soon as
    // the membership declares it dead, so a write to a moving shard still answers 503 within seconds.
    [ResponseTimeout("00:02:00")]
    Task<ShardWriteResult[]> Write(ShardWriteItem[] items, bool waitUntilVisible);

    [ResponseTimeout("00:02:00")]
    Task Refresh();

    [ResponseTimeout("00:02:00")]
    Task<bool> Delete(string id, bool waitUntilVisible);

    [ResponseTimeout("00:30:00")]
    Task<int> Backup(string folder);

    Task<int> Count();

    Task<bool> Degraded();

    /// <summary>The process id of the silo the grain is active on (activates it).</summary>
    Task<int> ProcessId();

    /// <summary>Deactivates the grain (closing the shard); its next call activates it where placement says now.</summary>
    Task Release();
}
