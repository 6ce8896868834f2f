using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Search.Bench.Measurement;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;

namespace Search.Bench.Sharding;

/// <summary>
/// A shard seen through a meter: each search-phase call's shard CPU goes to <see cref="PhaseMeter"/>; with
/// <paramref name="copyOverWire"/>, its arguments and its answer are also serialized and deserialized with
/// Orleans' generated serializer (the one the shard grains use), as a grain call between silos does, so the
/// same searcher can be timed with and without the serialization part of the Orleans hop (not its scheduling or
/// socket). Calls outside search pass through.
/// </summary>
public sealed class MeteredShard(IShard inner, PhaseMeter meter, bool copyOverWire) : IShard
{
    private static readonly Serializer Wire = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    public Task<ShardStatistics> CollectStatisticsAsync(ShardQuery query) => Call(PhaseMeter.Dfs, query, q => inner.CollectStatisticsAsync(q));

    public Task<ShardQueryResult> QueryAsync(ShardQuery query, ShardStatistics statistics) =>
        Call(PhaseMeter.Query, (query, statistics), a => inner.QueryAsync(a.query, a.statistics));

    public Task<ShardQueryResult> SearchAloneAsync(ShardQuery query) => Call(PhaseMeter.Query, query, inner.SearchAloneAsync);

    public async Task<IReadOnlyList<SearchHit?>> FetchAsync(ShardQuery query, IReadOnlyList<string> ids) =>
        await Call(PhaseMeter.Fetch, (query, ids: ids.ToArray()), async a => (await inner.FetchAsync(a.query, a.ids)).ToArray());

    public Task<ShardStatistics> QuoteStatisticsAsync(ShardQuoteQuery query) => inner.QuoteStatisticsAsync(query);

    public Task<ShardQueryResult> QuoteArticlesAsync(ShardQuoteQuery query, ShardStatistics statistics) => inner.QuoteArticlesAsync(query, statistics);

    public Task<IReadOnlyList<ShardQuote>> QuotesAsync(ShardQuoteQuery query, ShardStatistics statistics) => inner.QuotesAsync(query, statistics);

    public Task<ShardTermCounts> SampleTermsAsync(IReadOnlyList<string> ids) => inner.SampleTermsAsync(ids);

    public Task<ShardTermCounts> TermBackgroundAsync(IReadOnlyList<string> terms) => inner.TermBackgroundAsync(terms);

    public Task<bool> DegradedAsync() => inner.DegradedAsync();

    public async Task<IReadOnlyList<SpellingWord>> SpellingAsync(string? queryText) =>
        await Call(PhaseMeter.Other, queryText, async q => (await inner.SpellingAsync(q)).ToArray());

    public Task<IReadOnlyList<string>?> LikeTermsAsync(string id) => inner.LikeTermsAsync(id);

    public Task<Article?> GetArticleAsync(string id) => inner.GetArticleAsync(id);

    public Task<string?> HighlightBodyAsync(string id, string? queryText) => inner.HighlightBodyAsync(id, queryText);

    public Task<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size) => inner.CompleteAsync(prefix, size);

    public Task<IReadOnlyList<ShardWriteResult>> WriteAsync(IReadOnlyList<ShardWriteItem> items, bool waitUntilVisible) => inner.WriteAsync(items, waitUntilVisible);

    public Task RefreshAsync() => inner.RefreshAsync();

    public Task<bool> DeleteAsync(string id, bool waitUntilVisible) => inner.DeleteAsync(id, waitUntilVisible);

    public Task<int> BackupAsync(string folder) => inner.BackupAsync(folder);

    public Task<int> CountAsync() => inner.CountAsync();

    private async Task<TResult> Call<TArgument, TResult>(string phase, TArgument argument, Func<TArgument, Task<TResult>> call)
    {
        long bytes = 0;
        var copyMs = 0.0;
        if (copyOverWire)
        {
            var start = ThreadCpuClock.NowMs();
            (argument, bytes) = RoundTrip(argument);
            copyMs += ThreadCpuClock.NowMs() - start;
        }

        // A local shard answers synchronously, so the calling thread's CPU is the shard's work.
        var before = ThreadCpuClock.NowMs();
        var task = call(argument);
        var shardMs = ThreadCpuClock.NowMs() - before;
        var result = await task;
        if (copyOverWire)
        {
            var start = ThreadCpuClock.NowMs();
            (result, var resultBytes) = RoundTrip(result);
            copyMs += ThreadCpuClock.NowMs() - start;
            bytes += resultBytes;
        }

        meter.Add(phase, shardMs, copyMs, bytes);
        return result;
    }

    private static (T Value, long Bytes) RoundTrip<T>(T value)
    {
        // A call's several arguments travel here as one value tuple.
        var bytes = Wire.SerializeToArray(value);
        return (Wire.Deserialize<T>(bytes)!, bytes.Length);
    }
}
