using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Highlighting;
using Search.Core.Querying.Trending;

namespace Search.Core.Querying;

/// <summary>
/// Runs searches against an <see cref="ArticleIndex"/>: parses the query, filters, ranks (BM25) or sorts
/// by date, counts facets with multi-select semantics, pages by number or cursor, and highlights snippets.
/// Thread-safe; one instance serves every request.
/// </summary>
public sealed partial class ArticleSearcher : IDisposable
{
    /// <summary>Facet names as clients see them, the doc-values field counted, and the filter it ignores.</summary>
    private static readonly (string Name, string Field, string Filter)[] FacetFields =
    [
        ("outlet", ArticleFields.OutletKey, "outlet"),
        ("speaker", ArticleFields.SpeakerKey, "speaker"),
        ("published", ArticleFields.PublishedMonth, "published"),
        ("source", ArticleFields.SourceKey, "source"),
    ];

    /// <summary>Stored fields a result needs; the rest (quotes) is not read from disk for a result list.</summary>
    private static readonly ISet<string> HitFields = new HashSet<string>
    {
        ArticleFields.Id, ArticleFields.Title, ArticleFields.Url, ArticleFields.Outlet,
        ArticleFields.Speaker, ArticleFields.Published, ArticleFields.Body,
    };

    private readonly ArticleIndex _index;
    private readonly SearchOptions _options;
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly UserQueryParser _parser;
    private readonly SnippetHighlighter _highlighter;
    private readonly FacetCounter _facets = new();
    private readonly SearchInsights _insights;

    public ArticleSearcher(ArticleIndex index, SearchOptions options, SignificantTermsFinder? trending = null)
    {
        _index = index;
        _options = options;
        _insights = new SearchInsights(trending ?? new SignificantTermsFinder());
        _parser = new UserQueryParser(_analyzer, options.MaxPhraseSlop);
        _highlighter = new SnippetHighlighter(_analyzer);
    }

    public SearchResponse Search(SearchRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.QueryTimeoutMs);
        try
        {
            return Run(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SearchTimeoutException(_options.QueryTimeoutMs);
        }
    }

    private SearchResponse Run(SearchRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        Validate(request);
        if (request.CollapseStories)
        {
            return RunCollapsed(request, stopwatch, cancellationToken);
        }

        var query = _parser.Parse(request.Query, request.Operator);
        var sort = CreateSort(request.Sort);
        var after = request.After is null ? null : SearchCursor.Decode(request.After, request.Sort);
        var skip = after is null ? (request.Page - 1) * request.Size : 0;

        using var lease = _index.AcquireSearcher();
        var searcher = lease.Searcher;

        // One more than the page: if it is there, another page follows and a cursor is returned.
        // Trending terms read a sample of the top matches, so that many are kept (the page is a slice of them).
        var kept = Math.Max(skip + request.Size + 1, SearchInsights.SampleSize(request));
        var top = TopFieldCollector.Create(sort, kept, after, fillFields: true,
            trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var remember = request.IncludeFacets || SearchInsights.NeedsMatches(request);
        var collector = new FilteringCollector(top, BuildFilters(request), searcher.IndexReader, remember, cancellationToken);
        // Ranking gets the proximity boost; highlighting keeps the query as written (no pair spans).
        searcher.Search(RankingQuery(searcher, query, request), collector);

        var ranked = top.GetTopDocs(0, kept).ScoreDocs;
        var page = ranked.Skip(skip).Take(request.Size + 1).ToArray();
        var hasMore = page.Length > request.Size;
        var pageDocs = page.Take(request.Size).Cast<FieldDoc>().ToList();
        var hits = pageDocs.Select(doc => ToHit(searcher, query, doc)).ToList();

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        var matches = remember ? collector.ToMatchSet() : null;
        if (request.IncludeFacets && matches is not null)
        {
            foreach (var (name, field, filter) in FacetFields)
            {
                cancellationToken.ThrowIfCancellationRequested();
                facets[name] = _facets.Count(searcher.IndexReader, field, matches, matches.FilterIndex(filter), _options.FacetSize);
            }
        }

        var next = hasMore && pageDocs.Count > 0 ? SearchCursor.Encode(request.Sort, pageDocs[^1]) : null;
        var response = new SearchResponse(request.Query ?? "", collector.Kept, request.Page, request.Size, 0, hits, facets, next);
        response = _insights.Add(response, request, searcher.IndexReader, matches, [.. ranked.Select(d => d.Doc)], cancellationToken);
        return response with { TookMs = stopwatch.ElapsedMilliseconds };
    }

    /// <summary>
    /// What ranks the matches: the parsed query with the proximity boost and, when asked for and the query is
    /// plain words ranked by relevance, pseudo-relevance feedback. Neither changes which articles match.
    /// </summary>
    private Query RankingQuery(IndexSearcher searcher, Query parsed, SearchRequest request)
    {
        var ranked = ProximityBoost.Apply(parsed, request.Query, _analyzer);
        return request.Expansion == QueryExpansion.Prf && request.Sort == SearchSort.Relevance && ProximityBoost.IsPlainWords(request.Query)
            ? RelevanceFeedback.Expand(searcher, ranked, request.Query!, _analyzer)
            : ranked;
    }

    /// <summary>The whole stored article.</summary>
    public Article GetArticle(string id)
    {
        using var lease = _index.AcquireSearcher();
        var searcher = lease.Searcher;
        return ArticleDocumentMapper.ToArticle(searcher.Doc(FindDoc(searcher, id)));
    }

    /// <summary>The Lucene doc id of the article with this id in <paramref name="searcher"/>'s reader.</summary>
    private static int FindDoc(IndexSearcher searcher, string id)
    {
        var docs = searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
        return docs.TotalHits == 0 ? throw new ArticleNotFoundException(id) : docs.ScoreDocs[0].Doc;
    }

    /// <summary>The article's body as escaped HTML with what <paramref name="queryText"/> matched marked.</summary>
    public string HighlightBody(string id, string? queryText)
    {
        using var lease = _index.AcquireSearcher();
        var searcher = lease.Searcher;
        var docId = FindDoc(searcher, id);
        var body = searcher.Doc(docId).Get(ArticleFields.Body, CultureInfo.InvariantCulture) ?? "";
        var query = _parser.Parse(queryText);
        var matches = string.IsNullOrWhiteSpace(queryText) ? [] : _highlighter.FindMatches(searcher, query, docId, ArticleFields.Body, body);
        return SnippetHighlighter.MarkAll(body, matches);
    }

    private SearchHit ToHit(IndexSearcher searcher, Query query, FieldDoc scoreDoc)
    {
        var doc = searcher.Doc(scoreDoc.Doc, HitFields);
        var body = doc.Get(ArticleFields.Body, CultureInfo.InvariantCulture) ?? "";
        var matches = _highlighter.FindMatches(searcher, query, scoreDoc.Doc, ArticleFields.Body, body);
        var article = ArticleDocumentMapper.ToArticle(doc);
        return new SearchHit(article.Id, article.Title, article.Url, article.Outlet, article.Speakers,
            article.Published, float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score, SnippetHighlighter.BestPassage(body, matches));
    }

    private void Validate(SearchRequest request)
    {
        if (request.Size < 1 || request.Size > _options.MaxPageSize)
        {
            throw new SearchRequestException("size", $"size must be between 1 and {_options.MaxPageSize}; got {request.Size}.");
        }

        if (request.Page < 1)
        {
            throw new SearchRequestException("page", $"page starts at 1; got {request.Page}.");
        }

        if ((long)request.Page * request.Size > _options.MaxResultWindow)
        {
            throw new SearchRequestException("page",
                $"page × size may not exceed {_options.MaxResultWindow}; to walk deeper, follow the 'after' cursor each response returns.");
        }

        if (request.Query is { Length: var length } && length > _options.MaxQueryLength)
        {
            throw new SearchRequestException("q", $"The query is {length} characters long; the limit is {_options.MaxQueryLength}.");
        }

        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new SearchRequestException("from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        }
    }

    private static Sort CreateSort(SearchSort sort)
    {
        var byId = new SortField(ArticleFields.IdSort, SortFieldType.STRING);
        if (sort == SearchSort.Relevance)
        {
            return new Sort(SortField.FIELD_SCORE, byId);
        }

        // Undated articles sort last either way.
        var newest = sort == SearchSort.Newest;
        var byDay = new SortField(ArticleFields.PublishedDays, SortFieldType.INT64, reverse: newest);
        byDay.SetMissingValue(newest ? long.MinValue : long.MaxValue);
        return new Sort(byDay, byId);
    }

    private static List<(string Name, Filter Filter)> BuildFilters(SearchRequest request)
    {
        var filters = new List<(string, Filter)>();
        AddTermsFilter(filters, "outlet", ArticleFields.OutletKey, request.Outlets);
        AddTermsFilter(filters, "speaker", ArticleFields.SpeakerKey, request.Speakers);
        AddTermsFilter(filters, "source", ArticleFields.SourceKey, request.Sources);
        if (request.From is not null || request.To is not null)
        {
            var range = NumericRangeQuery.NewInt32Range(ArticleFields.PublishedDays, request.From?.DayNumber, request.To?.DayNumber, true, true);
            filters.Add(("published", new QueryWrapperFilter(range)));
        }

        return filters;
    }

    /// <summary>Values of one field are OR-ed; the fields are AND-ed by the collector.</summary>
    private static void AddTermsFilter(List<(string, Filter)> filters, string name, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var anyOf = new BooleanQuery();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            anyOf.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        filters.Add((name, new QueryWrapperFilter(anyOf)));
    }

    public void Dispose() => _analyzer.Dispose();
}
