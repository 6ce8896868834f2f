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

    public Task<IReadOnlyList<SearchHit?>> FetchAsync(ShardQuery query, IReadOnlyList<string> ids) => grain.Fetch(query, ids);

    public Task<string?> SuggestAsync(string? queryText) => grain.Suggest(queryText);

    public Task<IReadOnlyList<string>?> LikeTermsAsync(string id) => grain.LikeTerms(id);

    public Task<Article?> GetArticleAsync(string id) => grain.GetArticle(id);

    public Task<string?> HighlightBodyAsync(string id, string? queryText) => grain.HighlightBody(id, queryText);

    public Task<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size) => grain.Complete(prefix, size);

    public Task<IReadOnlyList<ShardWriteResult>> WriteAsync(IReadOnlyList<ShardWriteItem> items, bool waitUntilVisible) => grain.Write(items, waitUntilVisible);

    public Task RefreshAsync() => grain.Refresh();

    public Task<bool> DeleteAsync(string id, bool waitUntilVisible) => grain.Delete(id, waitUntilVisible);

    public Task<int> BackupAsync(string folder) => grain.Backup(folder);

    public Task<int> CountAsync() => grain.Count();
}
