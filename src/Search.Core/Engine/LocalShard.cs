using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Similar;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;
using Search.Core.Querying.Trending;

namespace Search.Core.Engine;

/// <summary>
/// A shard in this process: one <see cref="ArticleIndex"/> (with its write log) and the pipeline's steps over
/// it. A shard grain wraps one; the in-process sharded server holds N. Its methods run on the calling thread
/// and return finished tasks; the coordinator starts the shards of a phase together
/// (<see cref="ShardedSearcher"/>), so in-process shards work in parallel.
/// </summary>
public sealed class LocalShard : IShard, IDisposable
{
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly SearchSteps _steps;
    private readonly ArticleIngestor _ingestor;
    private readonly ShardSearchSteps _phases;
    private readonly TimeProvider _time;
    private readonly SpellingCorrector _speller;
    private readonly SimilarArticleFinder _similar;
    private readonly CompletionCatalog _completions;
    private readonly SearchOptions _options;
    private readonly SignificantTermsFinder _trending;
    private readonly bool _ownsTrending;
    private readonly ShardQuoteSteps _quotes;

    /// <param name="index">The shard's index (its owner disposes it).</param>
    /// <param name="options">Limits and the query timeout.</param>
    /// <param name="synonyms">Aliases (the coordinator's file, loaded on every node).</param>
    /// <param name="observers">Told about every durable write of this shard (alerts); none when null.</param>
    /// <param name="time">The clock of each phase's time budget; the system clock when null.</param>
    /// <param name="trending">Trending terms with their per-segment tables (its owner disposes it); a private one when null.</param>
    public LocalShard(ArticleIndex index, SearchOptions options, SynonymExpander? synonyms = null,
        IEnumerable<IArticleWriteObserver>? observers = null, TimeProvider? time = null, SignificantTermsFinder? trending = null)
    {
        _ownsTrending = trending is null;
        _trending = trending ?? new SignificantTermsFinder();
        Index = index;
        _options = options;
        _time = time ?? TimeProvider.System;
        _steps = new SearchSteps(_analyzer, synonyms ?? SynonymExpander.Empty, options.MaxPhraseSlop);
        _ingestor = new ArticleIngestor(index, observers);
        _phases = new ShardSearchSteps(index, _steps, options);
        _speller = new SpellingCorrector(_analyzer);
        _similar = new SimilarArticleFinder(_analyzer);
        _completions = new CompletionCatalog(index);
        _quotes = new ShardQuoteSteps(index, options);
    }

    /// <summary>The shard's index (refreshed and committed by its owner's background loop).</summary>
    public ArticleIndex Index { get; }

    public Task<ShardStatistics> CollectStatisticsAsync(ShardQuery query) => Task.FromResult(_phases.CollectStatistics(query));

    public Task<ShardQueryResult> QueryAsync(ShardQuery query, ShardStatistics statistics) =>
        Timed(budget => _phases.Query(query, statistics, budget.Token));

    public Task<ShardQueryResult> SearchAloneAsync(ShardQuery query) => Timed(budget => _phases.SearchAlone(query, budget.Check, budget.Token));

    public Task<IReadOnlyList<SearchHit?>> FetchAsync(ShardQuery query, IReadOnlyList<string> ids) =>
        Task.FromResult(Budgeted(budget => _phases.Fetch(query, ids, budget.Check)));

    public Task<ShardStatistics> QuoteStatisticsAsync(ShardQuoteQuery query) =>
        Timed(budget => _quotes.CollectStatistics(query, budget.Token));

    public Task<ShardQueryResult> QuoteArticlesAsync(ShardQuoteQuery query, ShardStatistics statistics) =>
        Task.FromResult(_quotes.Articles(query, statistics));

    public Task<IReadOnlyList<ShardQuote>> QuotesAsync(ShardQuoteQuery query, ShardStatistics statistics) =>
        Timed(budget => _quotes.Quotes(query, statistics, budget.Token));

    /// <summary>
    /// Runs a phase within the query timeout (a shard's answer is no use after the coordinator's request ended): the
    /// phase watches the budget's token, and a phase that ends past its budget is a timeout all the same.
    /// </summary>
    private Task<T> Timed<T>(Func<RequestBudget, T> phase) => Task.FromResult(Budgeted(budget =>
    {
        var result = phase(budget);
        budget.Check();
        return result;
    }));

    /// <summary>Runs <paramref name="work"/> within a new time budget of <see cref="SearchOptions.QueryTimeoutMs"/>.</summary>
    private T Budgeted<T>(Func<RequestBudget, T> work)
    {
        using var budget = new RequestBudget(TimeSpan.FromMilliseconds(_options.QueryTimeoutMs), _time, CancellationToken.None);
        try
        {
            return work(budget);
        }
        catch (OperationCanceledException ex) when (budget.IsExpiry(ex))
        {
            throw budget.Expired();
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

    /// <remarks>
    /// Real-time: an article written since the last refresh is served from <see cref="ArticleIndex.LiveVersions"/>,
    /// so a GET right after a PUT shows the new version and one right after a DELETE finds nothing.
    /// </remarks>
    public Task<Article?> GetArticleAsync(string id)
    {
        if (Index.LiveVersions.TryGet(id, out var live))
        {
            return Task.FromResult(live);
        }

        using var lease = Index.AcquireSearcher();
        var doc = FindDoc(lease.Searcher, id);
        return Task.FromResult(doc < 0 ? null : (Article?)StoredArticles.ReadArticle(lease.Searcher.IndexReader, doc));
    }

    /// <summary>
    /// The article's body as escaped HTML with what <paramref name="queryText"/> matched marked: the aliases and
    /// parse steps of a search, then the hits step's highlighter over the whole body, within the query timeout.
    /// </summary>
    public Task<string?> HighlightBodyAsync(string id, string? queryText) => Task.FromResult(Budgeted(budget =>
    {
        if (Index.LiveVersions.TryGet(id, out var live))
        {
            if (live is null)
            {
                return null;
            }

            // Written since the last refresh: marking needs its positions in a reader, so this rare request refreshes.
            Index.Refresh();
        }

        using var lease = Index.AcquireSearcher();
        var searcher = lease.Searcher;
        var doc = FindDoc(searcher, id);
        if (doc < 0)
        {
            return null;
        }

        var body = StoredArticles.ReadBody(searcher.IndexReader, doc);
        var query = _steps.ParseText(queryText);
        budget.Check();
        var matches = string.IsNullOrWhiteSpace(queryText) ? [] : _steps.Highlighter.FindMatches(searcher, query, doc, ArticleFields.Body, body);
        budget.Check();
        return (string?)Querying.Highlighting.SnippetHighlighter.MarkAll(body, matches);
    }));

    /// <summary>
    /// Opens an export of every match of <paramref name="request"/> (its page, size, cursor and collapsing are
    /// ignored) on the current reader, held until the session is disposed: a shard in this process only (an export
    /// of several shards walks cursors). Errors in the request (syntax, filters) are thrown here, before any row.
    /// </summary>
    public Querying.Export.ExportSession OpenExport(SearchRequest request, CancellationToken cancellationToken)
    {
        request = request with { Page = 1, Size = 1, After = null, CollapseStories = false, IncludeFacets = false, Histogram = null, Terms = TermsMode.None };
        SearchRequestValidator.Validate(request, _options);
        var lease = Index.AcquireSearcher();
        try
        {
            request = request with { Speakers = lease.Context.SpeakerAliases.Expand(request.Speakers) };
            var (aliased, query) = _steps.Parse(request);
            var ranking = _steps.Rank(lease.Searcher, query, aliased);
            var total = SearchCollection.Collect(lease.Searcher, ranking, aliased, 1, null, rememberMatches: false, cancellationToken).Total;
            return new Querying.Export.ExportSession(lease, ranking, aliased, total);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>The Lucene doc id of the article with this id in <paramref name="searcher"/>'s reader, or -1.</summary>
    private static int FindDoc(IndexSearcher searcher, string id)
    {
        var docs = searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
        return docs.TotalHits == 0 ? -1 : docs.ScoreDocs[0].Doc;
    }

    public Task<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size) => Task.FromResult(_completions.Complete(prefix, size));

    public Task<IReadOnlyList<ShardWriteResult>> WriteAsync(IReadOnlyList<ShardWriteItem> items, bool waitUntilVisible)
    {
        var results = _ingestor.WriteBatch(items);
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
        if (_ownsTrending)
        {
            _trending.Dispose();
        }

        _quotes.Dispose();
        _analyzer.Dispose();
    }
}
