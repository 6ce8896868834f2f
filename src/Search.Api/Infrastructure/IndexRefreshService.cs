using Search.Core;
using Search.Core.Indexing;
using Search.Core.Querying.Trending;

namespace Search.Api.Infrastructure;

/// <summary>
/// Refreshes the shared searcher off the request path, so recent writes become visible without any
/// query paying for the reopen (SearcherManager's advice), and makes a Lucene commit every
/// <see cref="SearchOptions.CommitIntervalMs"/> so the write-ahead log stays short. Starting it also opens
/// the index before the server accepts requests. The loop and its backoff are <see cref="IndexMaintenanceLoop"/>'s.
/// </summary>
public sealed class IndexRefreshService(ArticleIndex index, SearchOptions options, SignificantTermsFinder trending, ILogger<IndexRefreshService> logger)
    : IndexMaintenanceLoop(options, logger)
{
    protected override string IndexPath => index.Path;

    protected override bool Tick(bool commitDue)
    {
        // After a writer failure (a full disk), logged writes wait for a commit to re-apply them: try at
        // every tick (with the failure backoff) rather than once per commit interval.
        var commit = index.NeedsRecovery || commitDue;
        if (commit)
        {
            index.CommitIfDirty();
        }

        // After the commit, so the writes a recovering commit re-applied are searchable at once.
        index.MaybeRefresh();
        WarmTrendingTerms();
        return commit;
    }

    /// <summary>
    /// Builds the trending-terms table of each new segment here, off the request path (a no-op when every
    /// segment of the current reader has one): the first terms=significant search of a segment never pays for it.
    /// </summary>
    private void WarmTrendingTerms()
    {
        using var lease = index.AcquireSearcher();
        trending.Warm(lease.Searcher.IndexReader);
    }
}
