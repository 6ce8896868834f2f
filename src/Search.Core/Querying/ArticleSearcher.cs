using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Highlighting;
using Search.Core.Querying.Similar;
using Search.Core.Querying.Stories;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;
using Search.Core.Querying.Trending;

namespace Search.Core.Querying;

/// <summary>
/// The one search pipeline: /search, /articles/{id}?q=, /articles/{id}/similar, the bench and the relevance
/// rankers all run through it. A search holds one <see cref="SearcherLease"/> from start to end, so every step
/// sees the same reader and its <see cref="Indexing.Readers.ReaderContext"/>. The steps, in order:
/// cache (<see cref="SearchResultCache"/>) → aliases (<see cref="SynonymExpander"/>) → parse
/// (<see cref="UserQueryParser"/>) → rank (<see cref="ProximityBoost"/>, <see cref="RelevanceFeedback"/>) →
/// collect (<see cref="SearchCollection"/>) → page (<see cref="ResultPage"/>, or <see cref="StoryCollapse"/>
/// over the same collection) → facets (<see cref="FacetCounter"/>) → hits (<see cref="SnippetHighlighter"/>) →
/// insights (<see cref="SearchInsights"/>: timeline and trending terms, from the same collection) →
/// suggestion (<see cref="SpellingCorrector"/>). Thread-safe; one instance serves every request.
/// </summary>
public sealed class ArticleSearcher : IDisposable
{
    private readonly ArticleIndex _index;
    private readonly SearchOptions _options;
    private readonly SearchResultCache _cache;
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly SearchSteps _steps;
    private readonly SpellingCorrector _speller;
    private readonly SimilarArticleFinder _similar;
    private readonly SearchInsights _insights;
    private readonly TimeProvider _time;

    /// <param name="index">The index searched.</param>
    /// <param name="options">Limits, timeout and facet size.</param>
    /// <param name="synonyms">Aliases expanded before parsing; none when null.</param>
    /// <param name="cache">Whole answers kept until the index changes; none when null.</param>
    /// <param name="trending">Trending terms with their per-segment tables (shared with the refresh that warms them); a private one when null.</param>
    /// <param name="time">The clock of each request's time budget; the system clock when null.</param>
    public ArticleSearcher(ArticleIndex index, SearchOptions options, SynonymExpander? synonyms = null, SearchResultCache? cache = null,
        SignificantTermsFinder? trending = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _index = index;
        _options = options;
        _cache = cache ?? new SearchResultCache(0);
        _steps = new SearchSteps(_analyzer, synonyms ?? SynonymExpander.Empty, options.MaxPhraseSlop);
        _speller = new SpellingCorrector(_analyzer);
        _similar = new SimilarArticleFinder(_analyzer);
        _insights = new SearchInsights(trending ?? new SignificantTermsFinder());
    }

    /// <summary>A search without spelling suggestions (the bench and the rankers).</summary>
    public SearchResponse Search(SearchRequest request, CancellationToken cancellationToken) =>
        Search(request, FuzzyMode.Off, cancellationToken);

    /// <summary>
    /// A search as the API serves it. The response always reports the query as typed; with
    /// <paramref name="fuzzy"/> a "did you mean" suggestion, and with <see cref="FuzzyMode.Auto"/> the
    /// suggestion's results when the query as typed found nothing.
    /// </summary>
    public SearchResponse Search(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken)
    {
        SearchRequestValidator.Validate(request, _options);
        using var budget = Budget(cancellationToken);
        using var lease = _index.AcquireSearcher();
        // A cache hit returns the very instance stored (marked cached, no engine time), so callers may memoise work on it.
        SearchResponse? fresh = null;
        var response = _cache.GetOrAdd(lease.Context, SearchResultCache.KeyOf(request, fuzzy.ToString()), () =>
        {
            fresh = SearchWithSuggestion(lease, request, fuzzy, budget);
            return fresh with { TookMs = 0, Cached = true };
        });
        return fresh ?? response;
    }

    /// <summary>
    /// Opens an export of every match of <paramref name="request"/> (its page, size, cursor and collapsing are
    /// ignored) on the current reader, held until the session is disposed. Errors in the request (syntax, filters)
    /// are thrown here, before any row is written.
    /// </summary>
    public Export.ExportSession OpenExport(SearchRequest request, CancellationToken cancellationToken)
    {
        request = request with { Page = 1, Size = 1, After = null, CollapseStories = false, IncludeFacets = false, Histogram = null, Terms = Trending.TermsMode.None };
        SearchRequestValidator.Validate(request, _options);
        var lease = _index.AcquireSearcher();
        try
        {
            var (aliased, query) = _steps.Parse(request);
            var ranking = _steps.Rank(lease.Searcher, query, aliased);
            var total = SearchCollection.Collect(lease.Searcher, ranking, aliased, 1, null, rememberMatches: false, cancellationToken).Total;
            return new Export.ExportSession(lease, ranking, aliased, total);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>A new request's time budget (<see cref="SearchOptions.QueryTimeoutMs"/>).</summary>
    private RequestBudget Budget(CancellationToken cancellationToken) =>
        new(TimeSpan.FromMilliseconds(_options.QueryTimeoutMs), _time, cancellationToken);

    /// <summary>The suggestion step around the search itself.</summary>
    private SearchResponse SearchWithSuggestion(SearcherLease lease, SearchRequest request, FuzzyMode fuzzy, RequestBudget budget)
    {
        var response = Execute(lease, request, budget);
        if (fuzzy == FuzzyMode.Off)
        {
            return response;
        }

        budget.Check();
        if (_speller.Suggest(lease.Searcher.IndexReader, request.Query) is not { } suggestion)
        {
            return response;
        }

        budget.Check();
        if (fuzzy == FuzzyMode.Auto && response.Total == 0)
        {
            var corrected = Execute(lease, request with { Query = suggestion }, budget);
            return corrected with { Query = response.Query, Suggestion = suggestion, SuggestionApplied = true };
        }

        return response with { Suggestion = suggestion, SuggestionApplied = false };
    }

    /// <summary>Aliases, parse, rank, collect, page, facets and hits, within the request's time budget.</summary>
    private SearchResponse Execute(SearcherLease lease, SearchRequest request, RequestBudget budget)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            // A speaker filter keeps the name's aliases too (one person, one value: #22).
            var aliases = lease.Context.SpeakerAliases;
            request = request with { Speakers = aliases.Expand(request.Speakers) };
            var (aliased, query) = _steps.Parse(request);
            var after = request.After is null ? null : SearchCursor.Decode(request.After, request.Sort);
            var skip = after is null ? (request.Page - 1) * request.Size : 0;
            var searcher = lease.Searcher;
            var reader = searcher.IndexReader;
            // Collapsing ranks up to the result window and remembers every match (copies are counted over all of
            // them); otherwise one more than the page is kept: if it is there, another page follows.
            // Trending terms read a sample of the top matches, kept by a cheaper collector of its own in the same pass.
            var window = request.CollapseStories ? Math.Max(1, Math.Min(_options.MaxResultWindow, reader.MaxDoc))
                : skip + request.Size + 1;
            budget.Check();
            var ranking = _steps.Rank(searcher, query, aliased);
            budget.Check();
            var collection = SearchCollection.Collect(searcher, ranking, request, window, after,
                rememberMatches: request.CollapseStories || request.IncludeFacets || SearchInsights.NeedsMatches(request), budget.Token,
                SearchInsights.SampleSize(request, _options.TrendingSampleSize));
            budget.Check();
            var page = request.CollapseStories
                ? StoryCollapse.Page(reader, collection, lease.Context.Stories, request)
                : ResultPage.Of(collection, request, skip);
            var hits = Hits(searcher, query, page.Docs, budget).ConvertAll(hit => hit with { Speakers = aliases.Present(hit.Speakers) });
            if (page.Copies is not null)
            {
                hits = [.. hits.Select((hit, i) => StoryCollapse.WithCopies(hit, reader, page.Docs[i].Doc, page.Copies[i]))];
            }

            var facets = CountFacets(lease, collection, request.IncludeFacets, budget.Token);
            var response = new SearchResponse(request.Query ?? "", collection.Total, request.Page, request.Size, 0, hits, facets, page.After)
            { Stories = page.Stories };
            response = _insights.Add(response, aliased, searcher, SearchInsights.NeedsMatches(request) ? collection.Matches() : null,
                collection.Sample(), budget.Token);
            return response with { TookMs = stopwatch.ElapsedMilliseconds };
        }
        catch (OperationCanceledException ex) when (budget.IsExpiry(ex))
        {
            throw budget.Expired();
        }
    }

    /// <summary>Every facet over every match, each ignoring its own filter (multi-select).</summary>
    private Dictionary<string, IReadOnlyList<FacetValue>> CountFacets(SearcherLease lease, SearchCollection collection, bool wanted,
        CancellationToken cancellationToken)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        if (!wanted)
        {
            return facets;
        }

        var matches = collection.Matches();
        foreach (var facet in FacetDefinition.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reader = lease.Searcher.IndexReader;
            facets[facet.Name] = facet.Name == FacetDefinition.Speaker
                // Aliases' counts folded into their canonical names inside the tally, then the top (#22).
                ? FacetCounter.Count(reader, lease.Context.Facets, facet.Field, matches, matches.FilterIndex(facet.Name), _options.FacetSize, lease.Context.SpeakerAliasSlots)
                : FacetCounter.Count(reader, lease.Context.Facets, facet.Field, matches, matches.FilterIndex(facet.Name), _options.FacetSize);
        }

        return facets;
    }

    /// <summary>The hits step (see <see cref="SearchSteps.Hits"/>), within the request's time budget.</summary>
    private List<SearchHit> Hits(IndexSearcher searcher, Query query, IReadOnlyList<FieldDoc> docs, RequestBudget budget) =>
        _steps.Hits(searcher, query, docs, budget.Check);

    /// <summary>The whole stored article.</summary>
    /// <remarks>
    /// Real-time: an article written since the last refresh is served from <see cref="ArticleIndex.LiveVersions"/>,
    /// so a GET right after a PUT shows the new version and one right after a DELETE is a 404.
    /// </remarks>
    public Article GetArticle(string id)
    {
        if (_index.LiveVersions.TryGet(id, out var live))
        {
            return live ?? throw new ArticleNotFoundException(id);
        }

        using var lease = _index.AcquireSearcher();
        var searcher = lease.Searcher;
        return StoredArticles.ReadArticle(searcher.IndexReader, FindDoc(searcher, id));
    }

    /// <summary>
    /// The article's body as escaped HTML with what <paramref name="queryText"/> matched marked: the aliases
    /// and parse steps of a search, then the hits step's highlighter over the whole body.
    /// </summary>
    public string HighlightBody(string id, string? queryText, CancellationToken cancellationToken = default)
    {
        using var budget = Budget(cancellationToken);
        if (_index.LiveVersions.TryGet(id, out var live))
        {
            // Written since the last refresh: marking needs its positions in a reader, so this rare request refreshes.
            _ = live ?? throw new ArticleNotFoundException(id);
            _index.Refresh();
        }

        using var lease = _index.AcquireSearcher();
        var searcher = lease.Searcher;
        var docId = FindDoc(searcher, id);
        var body = StoredArticles.ReadBody(searcher.IndexReader, docId);
        var query = _steps.ParseText(queryText);
        budget.Check();
        var matches = string.IsNullOrWhiteSpace(queryText) ? [] : _steps.Highlighter.FindMatches(searcher, query, docId, ArticleFields.Body, body);
        budget.Check();
        return SnippetHighlighter.MarkAll(body, matches);
    }

    /// <summary>Up to <paramref name="size"/> articles like article <paramref name="id"/>, most similar first.</summary>
    /// <exception cref="ArticleNotFoundException">No article has this id.</exception>
    public IReadOnlyList<SearchHit> FindSimilar(string id, int size)
    {
        using var lease = _index.AcquireSearcher();
        return _similar.FindSimilar(lease.Searcher, id, size);
    }

    /// <summary>The Lucene doc id of the article with this id in <paramref name="searcher"/>'s reader.</summary>
    private static int FindDoc(IndexSearcher searcher, string id)
    {
        var docs = searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
        return docs.TotalHits == 0 ? throw new ArticleNotFoundException(id) : docs.ScoreDocs[0].Doc;
    }

    public void Dispose() => _analyzer.Dispose();
}
