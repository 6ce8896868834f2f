using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Highlighting;
using Search.Core.Querying.Similar;
using Search.Core.Querying.Stories;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Sharding;

/// <summary>
/// The search pipeline over a <see cref="ShardedArticleIndex"/>, in three phases (Elasticsearch's
/// dfs_query_then_fetch): (1) dfs — the query's term and collection statistics summed over every shard
/// (<see cref="IndexStatistics"/>); (2) query — each shard collects its best (score or day, id) hits with those
/// statistics and counts its facets; the hits are merged by sort value then id and the counts summed
/// (<see cref="ShardFacetMerger"/>); (3) fetch — stored fields and snippets for the page's hits only, each from
/// the shard that holds it. Holds one lease per shard for the whole search. Answers equal those of one index
/// holding every article (totals, facets, order, scores, cursors), except where the remarks say.
/// </summary>
/// <remarks>
/// Approximations, by design: expand=prf ranks without feedback (the expansion words would have to come from
/// the merged top hits); collapse=story collapses within each shard, so a story whose copies hashed to k shards
/// can appear up to k times and the story count is the sum over shards; a fuzzy term (word~) expands to the
/// best-matching words of each shard, which can differ from those of one index. Suggestions ("did you mean") and
/// similar articles read the union of the shards' readers, so in one process they are exact.
/// </remarks>
public sealed class ShardedSearcher : IDisposable
{
    private readonly ShardedArticleIndex _index;
    private readonly SearchOptions _options;
    private readonly SynonymExpander _synonyms;
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly UserQueryParser _parser;
    private readonly SnippetHighlighter _highlighter;
    private readonly SpellingCorrector _speller;
    private readonly SimilarArticleFinder _similar;

    public ShardedSearcher(ShardedArticleIndex index, SearchOptions options, SynonymExpander? synonyms = null)
    {
        _index = index;
        _options = options;
        _synonyms = synonyms ?? SynonymExpander.Empty;
        _parser = new UserQueryParser(_analyzer, options.MaxPhraseSlop);
        _highlighter = new SnippetHighlighter(_analyzer);
        _speller = new SpellingCorrector(_analyzer);
        _similar = new SimilarArticleFinder(_analyzer);
    }

    public SearchResponse Search(SearchRequest request, CancellationToken cancellationToken) =>
        Search(request, FuzzyMode.Off, cancellationToken);

    /// <summary>A search over every shard, with the suggestion step as <see cref="ArticleSearcher"/> runs it.</summary>
    public SearchResponse Search(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken)
    {
        SearchRequestValidator.Validate(request, _options);
        var leases = AcquireAll();
        try
        {
            var response = Execute(leases, request, cancellationToken);
            if (fuzzy == FuzzyMode.Off)
            {
                return response;
            }

            using var union = Union(leases);
            if (_speller.Suggest(union, request.Query) is not { } suggestion)
            {
                return response;
            }

            if (fuzzy == FuzzyMode.Auto && response.Total == 0)
            {
                var corrected = Execute(leases, request with { Query = suggestion }, cancellationToken);
                return corrected with { Query = response.Query, Suggestion = suggestion, SuggestionApplied = true };
            }

            return response with { Suggestion = suggestion, SuggestionApplied = false };
        }
        finally
        {
            ReleaseAll(leases);
        }
    }

    private SearchResponse Execute(IReadOnlyList<SearcherLease> leases, SearchRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.QueryTimeoutMs);
        try
        {
            var aliased = _synonyms.Expand(request.Query);
            var query = _parser.Parse(aliased, request.Operator);
            var ranking = ProximityBoost.Apply(query, aliased, _analyzer);
            var after = request.After is null ? null : SearchCursor.Decode(request.After, request.Sort);
            var skip = after is null ? (request.Page - 1) * request.Size : 0;

            // Phase 1 (dfs): statistics over every shard.
            var statistics = IndexStatistics.Collect(leases.Select(l => l.Searcher).ToList(), ranking);
            var searchers = leases.Select(l => (IndexSearcher)new GlobalStatisticsSearcher(l.Searcher.IndexReader, statistics)).ToList();

            // Phase 2 (query): each shard's best hits and its matches for the facets.
            var maxDoc = leases.Sum(l => l.Searcher.IndexReader.MaxDoc);
            var window = request.CollapseStories ? Math.Max(1, Math.Min(_options.MaxResultWindow, maxDoc)) : skip + request.Size + 1;
            var collections = searchers.Select(s => SearchCollection.Collect(s, ranking, request, window, after,
                rememberMatches: request.CollapseStories || request.IncludeFacets, timeout.Token)).ToList();
            var sort = SearchCollection.CreateSort(request.Sort);
            var page = request.CollapseStories
                ? ShardedStoryCollapse.Page(leases, collections, sort, request, skip)
                : MergePage(collections, sort, request, skip);

            // Phase 3 (fetch): the page's hits from the shards that hold them.
            var hits = page.Docs.Select((doc, i) =>
            {
                var hit = ToHit(searchers[doc.ShardIndex], query, doc);
                return page.Copies is null ? hit : StoryCollapse.WithCopies(hit, searchers[doc.ShardIndex].IndexReader, doc.Doc, page.Copies[i]);
            }).ToList();
            var facets = request.IncludeFacets
                ? ShardFacetMerger.Count(leases, collections, _options.FacetSize, timeout.Token)
                : new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
            return new SearchResponse(request.Query ?? "", collections.Sum(c => c.Total), request.Page, request.Size,
                stopwatch.ElapsedMilliseconds, hits, facets, page.After)
            { Stories = page.Stories };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SearchTimeoutException(_options.QueryTimeoutMs);
        }
    }

    /// <summary>The merged page: by sort value, then id (ids are unique, so the order is total).</summary>
    private static ResultPage MergePage(IReadOnlyList<SearchCollection> collections, Sort sort, SearchRequest request, int skip)
    {
        var perShard = collections.Select(c => c.Top.GetTopDocs()).ToArray();
        var merged = TopDocs.Merge(sort, skip, request.Size + 1, perShard).ScoreDocs;
        var docs = merged.Take(request.Size).Cast<FieldDoc>().ToList();
        var next = merged.Length > request.Size && docs.Count > 0 ? SearchCursor.Encode(request.Sort, docs[^1]) : null;
        return new ResultPage(docs, next);
    }

    private SearchHit ToHit(IndexSearcher searcher, Query query, FieldDoc scoreDoc)
    {
        var card = StoredArticles.ReadCard(searcher.IndexReader, scoreDoc.Doc);
        var body = StoredArticles.ReadBody(searcher.IndexReader, scoreDoc.Doc);
        var matches = _highlighter.FindMatches(searcher, query, scoreDoc.Doc, ArticleFields.Body, body);
        return new SearchHit(card.Id, card.Title, card.Url, card.Outlet, card.Speakers,
            card.Published, float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score, SnippetHighlighter.BestPassage(body, matches));
    }

    /// <summary>The whole stored article, from the shard that owns the id.</summary>
    public Articles.Article GetArticle(string id)
    {
        using var lease = _index.Shards[_index.Router.ShardOf(id)].AcquireSearcher();
        var docs = lease.Searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
        return docs.TotalHits == 0 ? throw new ArticleNotFoundException(id) : StoredArticles.ReadArticle(lease.Searcher.IndexReader, docs.ScoreDocs[0].Doc);
    }

    /// <summary>Articles like article <paramref name="id"/>, over the union of the shards (exact in one process).</summary>
    public IReadOnlyList<SearchHit> FindSimilar(string id, int size)
    {
        var leases = AcquireAll();
        try
        {
            using var union = Union(leases);
            return _similar.FindSimilar(new IndexSearcher(union) { Similarity = LuceneSettings.CreateSimilarity() }, id, size);
        }
        finally
        {
            ReleaseAll(leases);
        }
    }

    private List<SearcherLease> AcquireAll() => _index.Shards.Select(s => s.AcquireSearcher()).ToList();

    private static void ReleaseAll(List<SearcherLease> leases) => leases.ForEach(l => l.Dispose());

    /// <summary>One reader over every shard's reader (does not close them: the leases do).</summary>
    private static MultiReader Union(IReadOnlyList<SearcherLease> leases) =>
        new(leases.Select(l => l.Searcher.IndexReader).ToArray(), closeSubReaders: false);

    public void Dispose() => _analyzer.Dispose();
}
