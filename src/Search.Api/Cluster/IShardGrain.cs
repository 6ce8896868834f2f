using Search.Core.Articles;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Sharding;

namespace Search.Api.Cluster;

/// <summary>
/// One shard of the index as an Orleans grain (key: the shard number): the messages of <see cref="IShard"/>,
/// answered by the silo the grain is activated on. Orleans places the grains and, when a silo dies, activates
/// its grains again on another silo, which opens the shard from the shared data root and replays its write log.
/// </summary>
public interface IShardGrain : IGrainWithIntegerKey
{
    Task<ShardStatistics> CollectStatistics(ShardQuery query);

    Task<ShardQueryResult> Query(ShardQuery query, ShardStatistics statistics);

    Task<IReadOnlyList<SearchHit?>> Fetch(ShardQuery query, IReadOnlyList<string> ids);

    Task<string?> Suggest(string? queryText);

    Task<IReadOnlyList<string>?> LikeTerms(string id);

    Task<Article?> GetArticle(string id);

    Task<string?> HighlightBody(string id, string? queryText);

    Task<IReadOnlyList<Completion>> Complete(string prefix, int size);

    Task<IReadOnlyList<ShardWriteResult>> Write(IReadOnlyList<ShardWriteItem> items, bool waitUntilVisible);

    Task Refresh();

    Task<bool> Delete(string id, bool waitUntilVisible);

    Task<int> Backup(string folder);

    Task<int> Count();
}
