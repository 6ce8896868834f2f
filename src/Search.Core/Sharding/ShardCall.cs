using Search.Core.Articles;
using Search.Core.Querying;

namespace Search.Core.Sharding;

/// <summary>Tells a shard that is not there (a silo died, a call timed out) from an answer that is an error of the request.</summary>
internal static class ShardCall
{
    /// <summary>
    /// Errors of the request itself (timeouts, bad input, a full disk) are the client's answer; anything else
    /// thrown by a shard call means the shard is not there.
    /// </summary>
    public static bool IsShardFailure(Exception ex) =>
        ex is not (SearchTimeoutException or SearchRequestException or QuerySyntaxException or ArticleWriteException
            or ArticleNotFoundException or OperationCanceledException or IOException);

    /// <summary>Calls one shard; a shard that is not there becomes <see cref="ShardsUnavailableException"/> (503), not a 500.</summary>
    public static async Task<T> OnAsync<T>(int shard, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsShardFailure(ex))
        {
            throw new ShardsUnavailableException([shard]);
        }
    }
}
