using Search.Core.Articles;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Sharding;

namespace Search.Api.Cluster;

/// <summary>The coordinator's view of a shard grain: <see cref="IShard"/> calls forwarded to <see cref="IShardGrain"/>.</summary>
public sealed class GrainShard(IShardGrain grain) : IShard
{
    public Task<ShardStatistics> CollectStatisticsAsync(ShardQuery query) => grain.CollectStatistics(query);

    public Task<ShardQueryResult> QueryAsync(ShardQuery query, ShardStatistics statistics) => grain.Query(query, statistics);

    public async Task<IReadOnlyList<SearchHit?>> FetchAsync(ShardQuery query, IReadOnlyList<string> ids) => await grain.Fetch(query, [.. ids]);

    public Task<ShardStatistics> QuoteStatisticsAsync(ShardQuoteQuery query) => grain.QuoteStatistics(query);

    public Task<ShardQueryResult> QuoteArticlesAsync(ShardQuoteQuery query, ShardStatistics statistics) => grain.QuoteArticles(query, statistics);

    public async Task<IReadOnlyList<ShardQuote>> QuotesAsync(ShardQuoteQuery query, ShardStatistics statistics) => await grain.Quotes(query, statistics);

    public Task<ShardTermCounts> SampleTermsAsync(IReadOnlyList<string> ids) => grain.SampleTerms([.. ids]);

    public Task<ShardTermCounts> TermBackgroundAsync(IReadOnlyList<string> terms) => grain.TermBackground([.. terms]);

    public async Task<IReadOnlyList<SpellingWord>> SpellingAsync(string? queryText) => await grain.Spelling(queryText);

    public async Task<IReadOnlyList<string>?> LikeTermsAsync(string id) => await grain.LikeTerms(id);

    public Task<Article?> GetArticleAsync(string id) => grain.GetArticle(id);

    public Task<string?> HighlightBodyAsync(string id, string? queryText) => grain.HighlightBody(id, queryText);

    public async Task<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size) => await grain.Complete(prefix, size);

    public async Task<IReadOnlyList<ShardWriteResult>> WriteAsync(IReadOnlyList<ShardWriteItem> items, bool waitUntilVisible) =>
        await grain.Write([.. items], waitUntilVisible);

    public Task RefreshAsync() => grain.Refresh();

    public Task<bool> DeleteAsync(string id, bool waitUntilVisible) => grain.Delete(id, waitUntilVisible);

    public Task<int> BackupAsync(string folder) => grain.Backup(folder);

    public Task<int> CountAsync() => grain.Count();

    public Task<bool> DegradedAsync() => grain.Degraded();
}
