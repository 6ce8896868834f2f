using Search.Core.Articles;
using Search.Core.Querying;

namespace Search.Core.Engine;

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

    /// <summary>Runs one call per shard at once; a shard whose call fails with anything but a request error gives null.</summary>
    public static async Task<T?[]> FanOutAsync<T>(IReadOnlyList<IShard> shards, Func<IShard, int, Task<T>> call, CancellationToken cancellationToken)
    {
        // Task.Run: an in-process shard works on the calling thread, so each gets its own to run in parallel. A lone
        // shard (one index) has nothing to run beside, so it is called on this thread, with no hop.
        var calls = shards.Count == 1 ? [Inline(() => call(shards[0], 0))]
            : shards.Select((shard, i) => Task.Run(() => call(shard, i), cancellationToken)).ToArray();
        var results = new T?[calls.Length];
        for (var i = 0; i < calls.Length; i++)
        {
            try
            {
                results[i] = await calls[i];
            }
            catch (Exception ex) when (IsShardFailure(ex))
            {
                results[i] = default;
            }
        }

        return results;
    }

    /// <summary>The call's task; what it throws before returning one, as a faulted task, as Task.Run would give it.</summary>
    private static Task<T> Inline<T>(Func<Task<T>> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

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
