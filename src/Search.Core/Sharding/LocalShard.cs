using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Similar;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;
using Search.Core.Querying.Trending;

namespace Search.Core.Sharding;

/// <summary>
/// A shard in this process: one <see cref="ArticleIndex"/> (with its write log) and the pipeline's steps over
/// it. A shard grain wraps one; the in-process sharded server holds N. Its methods run on the calling thread
/// and return finished tasks; the coordinator starts the shards of a phase together
/// (<see cref="ShardedSearcher"/>), so in-process shards work in parallel.
/// </summary>
public sealed class LocalShard : IShard, IDisposable
{
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly ArticleSearcher _searcher;
    private readonly ArticleIngestor _ingestor;
    private readonly ShardSearchSteps _phases;
    private readonly SpellingCorrector _speller;
    private readonly SimilarArticleFinder _similar;
    private readonly CompletionCatalog _completions;
    private readonly SearchOptions _options;
    private readonly SignificantTermsFinder _trending = new();
    private readonly ShardQuoteSteps _quotes;

    /// <param name="index">The shard's index (its owner disposes it).</param>
    /// <param name="options">Limits and the query timeout.</param>
    /// <param name="synonyms">Aliases (the coordinator's file, loaded on every node).</param>
    public LocalShard(ArticleIndex index, SearchOptions options, SynonymExpander? synonyms = null)
    {
        Index = index;
        _options = options;
        _searcher = new ArticleSearcher(index, options, synonyms);
        _ingestor = new ArticleIngestor(index);
        _phases = new ShardSearchSteps(index, new SearchSteps(_analyzer, synonyms ?? SynonymExpander.Empty, options.MaxPhraseSlop), options);
        _speller = new SpellingCorrector(_analyzer);
        _similar = new SimilarArticleFinder(_analyzer);
        _completions = new CompletionCatalog(index);
        _quotes = new ShardQuoteSteps(index, options);
    }

    /// <summary>The shard's index (refreshed and committed by its owner's background loop).</summary>
    public ArticleIndex Index { get; }

    public Task<ShardStatistics> CollectStatisticsAsync(ShardQuery query) => Task.FromResult(_phases.CollectStatistics(query));

    public Task<ShardQueryResult> QueryAsync(ShardQuery query, ShardStatistics statistics) =>
        Timed(token => _phases.Query(query, statistics, token));

    public Task<IReadOnlyList<SearchHit?>> FetchAsync(ShardQuery query, IReadOnlyList<string> ids) => Task.FromResult(_phases.Fetch(query, ids));

    public Task<ShardStatistics> QuoteStatisticsAsync(ShardQuoteQuery query) =>
        Timed(token => _quotes.CollectStatistics(query, token));

    public Task<ShardQueryResult> QuoteArticlesAsync(ShardQuoteQuery query, ShardStatistics statistics) =>
        Task.FromResult(_quotes.Articles(query, statistics));

    public Task<IReadOnlyList<ShardQuote>> QuotesAsync(ShardQuoteQuery query, ShardStatistics statistics) =>
        Timed(token => _quotes.Quotes(query, statistics, token));

    /// <summary>Runs a phase within the query timeout (a shard's answer is no use after the coordinator's request ended).</summary>
    private Task<T> Timed<T>(Func<CancellationToken, T> phase)
    {
        using var timeout = new CancellationTokenSource(_options.QueryTimeoutMs);
        try
        {
            return Task.FromResult(phase(timeout.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new SearchTimeoutException(_options.QueryTimeoutMs);
        }
    }

    public Task<ShardTermCounts> SampleTermsAsync(IReadOnlyList<string> ids)
    {
        using var lease = Index.AcquireSearcher();
        var searcher = lease.Searcher;
        var docs = ids.Select(id => searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1))
            .Where(found => found.TotalHits > 0).Select(found => found.ScoreDocs[0].Doc).ToList();
        var counts = _trending.CountTerms(searcher.IndexReader, docs, CancellationToken.None);
        return Task.FromResult(new ShardTermCounts([.. counts.Keys], [.. counts.Values], 0));
    }

    public Task<ShardTermCounts> TermBackgroundAsync(IReadOnlyList<string> terms)
    {
        using var lease = Index.AcquireSearcher();
        var (docCount, docFreqs) = _trending.Background(lease.Searcher.IndexReader, terms, CancellationToken.None);
        return Task.FromResult(new ShardTermCounts(terms, docFreqs, docCount));
    }

    /// <summary>
    /// Builds the trending-terms tables of new segments off the request path (the shard's refresh loop calls it after
    /// a refresh), as the single index's refresh does.
    /// </summary>
    public void WarmTrendingTerms()
    {
        using var lease = Index.AcquireSearcher();
        _trending.Warm(lease.Searcher.IndexReader);
    }

    public Task<IReadOnlyList<SpellingWord>> SpellingAsync(string? queryText)
    {
        using var lease = Index.AcquireSearcher();
        return Task.FromResult(_speller.Candidates(lease.Searcher.IndexReader, queryText));
    }

    public Task<IReadOnlyList<string>?> LikeTermsAsync(string id)
    {
        using var lease = Index.AcquireSearcher();
        return Task.FromResult(_similar.LikeTerms(lease.Searcher, id));
    }

    public Task<Article?> GetArticleAsync(string id)
    {
        try
        {
            return Task.FromResult<Article?>(_searcher.GetArticle(id));
        }
        catch (ArticleNotFoundException)
        {
            return Task.FromResult<Article?>(null);
        }
    }

    public Task<string?> HighlightBodyAsync(string id, string? queryText)
    {
        try
        {
            return Task.FromResult<string?>(_searcher.HighlightBody(id, queryText));
        }
        catch (ArticleNotFoundException)
        {
            return Task.FromResult<string?>(null);
        }
    }

    public Task<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size) => Task.FromResult(_completions.Complete(prefix, size));

    public Task<IReadOnlyList<ShardWriteResult>> WriteAsync(IReadOnlyList<ShardWriteItem> items, bool waitUntilVisible)
    {
        var results = ShardBatchWrite.Write(_ingestor, Index, items);
        if (waitUntilVisible)
        {
            Index.Refresh();
        }

        return Task.FromResult<IReadOnlyList<ShardWriteResult>>(results);
    }

    public Task RefreshAsync()
    {
        Index.Refresh();
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, bool waitUntilVisible) => Task.FromResult(_ingestor.Delete(id, waitUntilVisible));

    public Task<int> BackupAsync(string folder) => Task.FromResult(Index.Backup(folder, CancellationToken.None));

    public Task<int> CountAsync() => Task.FromResult(Index.Count);

    public Task<bool> DegradedAsync() => Task.FromResult(Index.NeedsRecovery);

    /// <summary>
    /// One tick of the shard's refresh loop (<c>ShardRefreshService</c> in one process, the shard grain's timer on a
    /// cluster), as the single index's: commit when due, and at every tick while a writer failure (a full disk)
    /// keeps logged writes waiting, since the commit is what re-applies them; then refresh, so they are searchable
    /// at once, and build the new segments' trending tables. Returns true when it committed.
    /// </summary>
    public bool Maintain(bool commitDue)
    {
        var commit = Index.NeedsRecovery || commitDue;
        if (commit)
        {
            Index.CommitIfDirty();
        }

        Index.MaybeRefresh();
        WarmTrendingTerms();
        return commit;
    }

    public void Dispose()
    {
        _searcher.Dispose();
        _trending.Dispose();
        _quotes.Dispose();
        _analyzer.Dispose();
    }
}
