using Search.Core.Articles;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;

namespace Search.Core.Engine;

/// <summary>
/// One shard as the coordinator sees it, and the shard grain's interface too (the contract is written once, #22):
/// every message is a [GenerateSerializer] record, so a shard can live in this process (<see cref="LocalShard"/>,
/// called directly) or in a grain on any silo (Orleans makes the proxy from this interface). Lucene objects (readers,
/// doc numbers, queries) never cross it. Request errors (bad query syntax) are found by the coordinator before it
/// calls any shard.
/// </summary>
public interface IShard : IGrainWithIntegerKey
{
    /// <summary>dfs phase: the query's term statistics and the field statistics on this shard.</summary>
    Task<ShardStatistics> CollectStatisticsAsync(ShardQuery query);

    /// <summary>Query phase: this shard's best hits and facet counts, scored with the index-wide <paramref name="statistics"/>.</summary>
    Task<ShardQueryResult> QueryAsync(ShardQuery query, ShardStatistics statistics);

    /// <summary>
    /// Query and fetch in one call, when this shard is the whole index (one index, or a cluster of one shard): its own
    /// statistics and speaker aliases, the page's hits fetched from the reader that ranked them.
    /// </summary>
    Task<ShardQueryResult> SearchAloneAsync(ShardQuery query);

    /// <summary>Fetch phase: hits (stored fields, snippet) for these ids, in order; null for an id not here.</summary>
    Task<IReadOnlyList<SearchHit?>> FetchAsync(ShardQuery query, IReadOnlyList<string> ids);

    /// <summary>Quote search, dfs: the article query's statistics, or (with articles given) those of the given articles' quotes.</summary>
    Task<ShardStatistics> QuoteStatisticsAsync(ShardQuoteQuery query);

    /// <summary>Quote search: this shard's best articles with a quote that may match, scored with the index-wide statistics.</summary>
    Task<ShardQueryResult> QuoteArticlesAsync(ShardQuoteQuery query, ShardStatistics statistics);

    /// <summary>Quote search: every matching quote of the given articles, scored with the statistics of every shard's quotes.</summary>
    Task<IReadOnlyList<ShardQuote>> QuotesAsync(ShardQuoteQuery query, ShardStatistics statistics);

    /// <summary>terms=significant, foreground: per term, how many of these sampled articles held here contain it.</summary>
    Task<ShardTermCounts> SampleTermsAsync(IReadOnlyList<string> ids);

    /// <summary>terms=significant, background: this shard's article count and how many of its articles hold each term.</summary>
    Task<ShardTermCounts> TermBackgroundAsync(IReadOnlyList<string> terms);

    /// <summary>What this shard knows of each query word for "did you mean" (merged by <see cref="SpellingCorrector.Choose"/>).</summary>
    Task<IReadOnlyList<SpellingWord>> SpellingAsync(string? queryText);

    /// <summary>The more-like-this words of article <paramref name="id"/>; null when this shard does not hold it.</summary>
    Task<IReadOnlyList<string>?> LikeTermsAsync(string id);

    /// <summary>The whole stored article (real-time), or null.</summary>
    Task<Article?> GetArticleAsync(string id);

    /// <summary>The article's body with the query's matches marked, or null when this shard does not hold it.</summary>
    Task<string?> HighlightBodyAsync(string id, string? queryText);

    /// <summary>This shard's autocomplete entries for the prefix, best first, with this shard's counts.</summary>
    Task<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size);

    // Writes get their own timeouts, longer than the cluster's response timeout (3 probe timeouts, 6 s by default),
    // which is sized for searches: on a loaded machine a bulk batch's shard call took longer than 6 s, was answered
    // "not acknowledged" and was stored all the same (the cluster bench). A dead silo's calls still fail as soon as
    // the membership declares it dead, so a write to a moving shard still answers 503 within seconds. (In process
    // the attributes mean nothing.)
    /// <summary>Stores the articles (in order; a later one with the same id wins) and returns once they are durable.</summary>
    [ResponseTimeout("00:02:00")]
    Task<IReadOnlyList<ShardWriteResult>> WriteAsync(IReadOnlyList<ShardWriteItem> items, bool waitUntilVisible);

    /// <summary>Makes every write so far visible to searches on this shard.</summary>
    [ResponseTimeout("00:02:00")]
    Task RefreshAsync();

    /// <summary>Deletes durably; false when this shard has no article with the id.</summary>
    [ResponseTimeout("00:02:00")]
    Task<bool> DeleteAsync(string id, bool waitUntilVisible);

    /// <summary>Copies this shard's last commit into <paramref name="folder"/>; returns the files copied.</summary>
    [ResponseTimeout("00:30:00")]
    Task<int> BackupAsync(string folder);

    /// <summary>True while a writer failure (a full disk) keeps acknowledged writes in this shard's log waiting to be applied.</summary>
    Task<bool> DegradedAsync();

    /// <summary>Live articles visible to searches on this shard.</summary>
    Task<int> CountAsync();
}
