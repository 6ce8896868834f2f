using Orleans.Concurrency;
using Search.Core;
using Search.Core.Alerts;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;

namespace Search.Api.Cluster;

/// <summary>
/// A shard grain: on activation it opens its shard (<c>{IndexPath}/shard-NN</c> under the data root every silo
/// reaches) as an <see cref="ArticleIndex"/>, which replays the shard's write log, so writes acknowledged by a
/// silo that died are searchable again on the silo that takes the grain over. A timer refreshes and commits it
/// as <see cref="Backend.ShardRefreshService"/> does for the shards in one process. Reentrant, and each call runs on the
/// thread pool: Lucene searches of one shard run in parallel, as they do on one index (the writer is thread-safe).
/// </summary>
[Reentrant]
[ShardSpreadPlacement]
public sealed class ShardGrain(SearchOptions options, SynonymExpander synonyms, ILogger<ShardGrain> logger) : Grain, IShardGrain, IDisposable
{
    private ArticleIndex? _index;
    private LocalShard? _shard;
    private AlertFollower? _alerts;
    private AlertHitForwarder? _matches;
    private long _lastCommit = Environment.TickCount64;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var shard = (int)this.GetPrimaryKeyLong();
        var root = Path.GetFullPath(options.IndexPath);
        ShardedArticleIndex.CheckShardCount(root, options.Shards);
        _index = new ArticleIndex(ShardedArticleIndex.ShardPath(root, shard, options.Shards));
        if (_index.Replayed > 0)
        {
            logger.LogWarning("Shard {Shard}: recovered {WriteCount} acknowledged writes from its write log", shard, _index.Replayed);
        }

        // The shard matches its writes against its own copy of the cluster's alerts, on this silo, and records the
        // matches in the alert grain before a write is acknowledged; replayed writes' missing matches are recorded first.
        var book = GrainFactory.GetGrain<IAlertGrain>(0);
        _alerts = new AlertFollower([_index], synonyms, options.MaxPhraseSlop);
        _alerts.Update(await book.AlertsSinceAsync(null));
        await book.RecordReplayedAsync(shard, _alerts.MatchReplayed(_index.ReplayedUpserts, shard));
        _matches = new AlertHitForwarder(_alerts, shard, book.RecordAsync);
        _shard = new LocalShard(_index, options, synonyms, [_matches]);
        logger.LogInformation("Shard {Shard} activated on this silo with {ArticleCount} articles", shard, _index.Count);
        var interval = TimeSpan.FromMilliseconds(options.RefreshIntervalMs);
        this.RegisterGrainTimer(Maintain, new GrainTimerCreationOptions(interval, interval) { Interleave = true });
    }

    private Task Maintain(CancellationToken cancellationToken) => Task.Run(() =>
    {
        if (Shard.Maintain(Environment.TickCount64 - _lastCommit >= options.CommitIntervalMs))
        {
            _lastCommit = Environment.TickCount64;
        }
    }, cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Closes the shard (a Lucene commit); its next activation, here or on another silo, opens it again.</summary>
    public void Dispose()
    {
        _shard?.Dispose();
        _shard = null;
        _index?.Dispose();
        _index = null;
        _matches?.Dispose();
        _matches = null;
        _alerts?.Dispose();
        _alerts = null;
    }

    private ArticleIndex Index => _index ?? throw new InvalidOperationException("The shard grain is not active.");

    private LocalShard Shard => _shard ?? throw new InvalidOperationException("The shard grain is not active.");

    // Task.Run: the grain's scheduler runs one turn at a time; Lucene work goes to the thread pool so a shard serves many requests at once.
    public Task<ShardStatistics> CollectStatisticsAsync(ShardQuery query) => Task.Run(() => Shard.CollectStatisticsAsync(query));

    public Task<ShardQueryResult> QueryAsync(ShardQuery query, ShardStatistics statistics) => Task.Run(() => Shard.QueryAsync(query, statistics));

    public Task<ShardQueryResult> SearchAloneAsync(ShardQuery query) => Task.Run(() => Shard.SearchAloneAsync(query));

    public Task<IReadOnlyList<SearchHit?>> FetchAsync(ShardQuery query, IReadOnlyList<string> ids) => Task.Run(() => Shard.FetchAsync(query, ids));

    public Task<ShardStatistics> QuoteStatisticsAsync(ShardQuoteQuery query) => Task.Run(() => Shard.QuoteStatisticsAsync(query));

    public Task<ShardQueryResult> QuoteArticlesAsync(ShardQuoteQuery query, ShardStatistics statistics) =>
        Task.Run(() => Shard.QuoteArticlesAsync(query, statistics));

    public Task<IReadOnlyList<ShardQuote>> QuotesAsync(ShardQuoteQuery query, ShardStatistics statistics) => Task.Run(() => Shard.QuotesAsync(query, statistics));

    public Task<ShardTermCounts> SampleTermsAsync(IReadOnlyList<string> ids) => Task.Run(() => Shard.SampleTermsAsync(ids));

    public Task<ShardTermCounts> TermBackgroundAsync(IReadOnlyList<string> terms) => Task.Run(() => Shard.TermBackgroundAsync(terms));

    public Task<IReadOnlyList<SpellingWord>> SpellingAsync(string? queryText) => Task.Run(() => Shard.SpellingAsync(queryText));

    public Task<IReadOnlyList<string>?> LikeTermsAsync(string id) => Task.Run(() => Shard.LikeTermsAsync(id));

    public Task<Article?> GetArticleAsync(string id) => Task.Run(() => Shard.GetArticleAsync(id));

    public Task<string?> HighlightBodyAsync(string id, string? queryText) => Task.Run(() => Shard.HighlightBodyAsync(id, queryText));

    public Task<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size) => Task.Run(() => Shard.CompleteAsync(prefix, size));

    /// <summary>
    /// Writes on the thread pool, matching against the alerts as they are now (saved or deleted since the last write:
    /// fetched again), then records the matches in the alert grain before the writes are acknowledged.
    /// </summary>
    public async Task<IReadOnlyList<ShardWriteResult>> WriteAsync(IReadOnlyList<ShardWriteItem> items, bool waitUntilVisible)
    {
        var alerts = _alerts ?? throw new InvalidOperationException("The shard grain is not active.");
        var changed = await GrainFactory.GetGrain<IAlertGrain>(0).AlertsSinceAsync(alerts.Version);
        var results = await Task.Run(() =>
        {
            alerts.Update(changed);
            return Shard.WriteAsync(items, waitUntilVisible);
        });
        await _matches!.FlushAsync();
        return results;
    }

    public Task RefreshAsync() => Task.Run(Shard.RefreshAsync);

    public Task<bool> DeleteAsync(string id, bool waitUntilVisible) => Task.Run(() => Shard.DeleteAsync(id, waitUntilVisible));

    public Task<int> BackupAsync(string folder) => Task.Run(() => Shard.BackupAsync(folder));

    public Task<int> CountAsync() => Task.Run(Shard.CountAsync);

    public Task<bool> DegradedAsync() => Shard.DegradedAsync();

    public Task<int> ProcessId() => Task.FromResult(Environment.ProcessId);

    public Task Release()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
