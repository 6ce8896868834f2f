using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying.Facets;

namespace Search.Core.Querying;

/// <summary>
/// The collect and rank steps: one pass of the ranking query over the index that keeps the top documents
/// (by score or date, id breaking ties) among the matches every filter keeps, and remembers every match for
/// facets and story collapsing when they need it.
/// </summary>
internal sealed class SearchCollection
{
    private ScoreDoc[]? _ranked;
    private readonly Func<TopDocs>? _sample;

    private SearchCollection(TopFieldCollector top, FilteringCollector filtered, Func<TopDocs>? sample)
    {
        Top = top;
        Filtered = filtered;
        _sample = sample;
    }

    /// <summary>The ranked top documents.</summary>
    public TopFieldCollector Top { get; }

    /// <summary>
    /// The ranked top documents, best first, read from the collector once (its queue empties when read): the
    /// page step slices them and the insights step samples them.
    /// </summary>
    public IReadOnlyList<ScoreDoc> Ranked => _ranked ??= Top.GetTopDocs().ScoreDocs;

    /// <summary>
    /// The top matches kept for the trending-terms sample (global doc ids, best first; empty unless collected with a
    /// sample size). Read once: the collector's queue empties when read.
    /// </summary>
    public IReadOnlyList<int> Sample() => [.. SampleDocs().Select(d => d.Doc)];

    /// <summary>The sample with its scores (relevance) or without (a date sort); read once, as <see cref="Sample"/>.</summary>
    public IReadOnlyList<ScoreDoc> SampleDocs() => _sample is null ? [] : _sample().ScoreDocs;

    /// <summary>How many matches every filter keeps: the result total.</summary>
    public int Total => Filtered.Kept;

    private FilteringCollector Filtered { get; }

    /// <summary>Every match with the filters that keep it (only when collected with rememberMatches).</summary>
    public MatchSet Matches() => Filtered.ToMatchSet();

    /// <summary>Runs <paramref name="ranking"/> once over <paramref name="searcher"/> with the filters and sort of <paramref name="request"/>.</summary>
    /// <param name="searcher">The lease's searcher.</param>
    /// <param name="ranking">The query that matches and scores (the parsed query with its ranking boosts).</param>
    /// <param name="request">Filters and sort.</param>
    /// <param name="window">How many top documents to keep.</param>
    /// <param name="after">Keep only documents after this one (cursor paging).</param>
    /// <param name="rememberMatches">Remember every match (for facets and story collapsing).</param>
    /// <param name="cancellationToken">Checked while collecting (the query timeout).</param>
    /// <param name="sampleSize">How many top matches to keep apart for trending terms (0: none).</param>
    public static SearchCollection Collect(IndexSearcher searcher, Query ranking, SearchRequest request, int window, FieldDoc? after,
        bool rememberMatches, CancellationToken cancellationToken, int sampleSize = 0)
    {
        var top = TopFieldCollector.Create(CreateSort(request.Sort), window, after, fillFields: true,
            trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var (sample, readSample) = CreateSample(request.Sort, sampleSize);
        var filtered = new FilteringCollector(sample is null ? top : MultiCollector.Wrap(top, sample), BuildFilters(request),
            searcher.IndexReader, rememberMatches, cancellationToken);
        searcher.Search(ranking, filtered);
        return new SearchCollection(top, filtered, readSample);
    }

    /// <summary>
    /// The sample's own collector, in the same pass: the top matches by score (or by day for a date sort), ties by
    /// article id as the page's own order breaks them, so the sample is the same articles on any layout and in any
    /// ingest order (#22; by document number it depended on both). No cursor and no sort values are kept.
    /// </summary>
    private static (ICollector? Collector, Func<TopDocs>? Read) CreateSample(SearchSort sort, int size)
    {
        if (size <= 0)
        {
            return (null, null);
        }

        var sample = TopFieldCollector.Create(CreateSort(sort), size, fillFields: false, trackDocScores: sort == SearchSort.Relevance,
            trackMaxScore: false, docsScoredInOrder: false);
        return (sample, sample.GetTopDocs);
    }

    internal static Sort CreateSort(SearchSort sort)
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

    /// <summary>One filter per facet the request narrows, named after the facet so its counts can ignore it.</summary>
    private static List<(string Name, Filter Filter)> BuildFilters(SearchRequest request)
    {
        var filters = new List<(string, Filter)>();
        foreach (var facet in FacetDefinition.All)
        {
            if (facet.Name == FacetDefinition.Published)
            {
                if (request.From is not null || request.To is not null)
                {
                    var range = NumericRangeQuery.NewInt32Range(ArticleFields.PublishedDays, request.From?.DayNumber, request.To?.DayNumber, true, true);
                    filters.Add((facet.Name, new QueryWrapperFilter(range)));
                }

                continue;
            }

            AddTermsFilter(filters, facet.Name, facet.Field, request.ValuesOf(facet.Name));
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
}
