using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Querying.Quotes;

/// <summary>
/// The queries of a quote search, which every shard and the coordinator share (<see cref="Engine.ShardQuoteSteps"/>,
/// <see cref="Engine.ShardedQuoteSearcher"/>): the parser of quote queries, the article query and sort of its
/// first level, the quotes' order and the request's checks.
/// </summary>
internal static class QuoteQueries
{
    /// <summary>Words without a field search the quote's own words.</summary>
    private static readonly IReadOnlyDictionary<string, float> QuoteField = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        [ArticleFields.Quote] = 1.0f,
    };

    /// <summary>The order of a quote search: as asked, else relevance with a query and newest without.</summary>
    internal static SearchSort SortOf(QuoteSearchRequest request) =>
        request.Sort ?? (string.IsNullOrWhiteSpace(request.Query) ? SearchSort.Newest : SearchSort.Relevance);

    /// <summary>The parser of quote queries: words without a field search the quote's words.</summary>
    internal static UserQueryParser CreateParser(ArticleAnalyzer analyzer, SearchOptions options) => new(analyzer, options.MaxPhraseSlop, QuoteField);

    internal static List<ScoreDoc> Order(QuoteCandidates candidates, IReadOnlyList<ScoreDoc> matches, SearchSort sort) => sort switch
    {
        SearchSort.Newest => [.. matches.OrderByDescending(m => candidates[m.Doc].Published?.DayNumber ?? int.MinValue).ThenBy(m => candidates[m.Doc].ArticleRank).ThenBy(m => m.Doc)],
        SearchSort.Oldest => [.. matches.OrderBy(m => candidates[m.Doc].Published?.DayNumber ?? int.MaxValue).ThenBy(m => candidates[m.Doc].ArticleRank).ThenBy(m => m.Doc)],
        _ => [.. matches.OrderByDescending(m => m.Score).ThenBy(m => candidates[m.Doc].ArticleRank).ThenBy(m => m.Doc)],
    };

    /// <summary>
    /// Articles with a quote that may match, kept by the filters (with <paramref name="multiSelect"/>, by all
    /// filters but at most one: the articles some facet counts). Filters do not score.
    /// </summary>
    internal static BooleanQuery ArticleQuery(Query query, QuoteSearchRequest request, bool multiSelect)
    {
        var all = new BooleanQuery { { query, Occur.MUST } };
        var filters = new Query?[]
        {
            AnyOfSources(request),
            AnyOf(ArticleFields.OutletKey, request.Outlets),
            request.From is null && request.To is null ? null
                : NumericRangeQuery.NewInt32Range(ArticleFields.PublishedDays, request.From?.DayNumber, request.To?.DayNumber, true, true),
        }.OfType<Query>().ToList();
        if (multiSelect && filters.Count == 1)
        {
            // All filters but one, of one filter, is none: a BooleanQuery of SHOULD clauses alone would still
            // require one of them (minimum 0 means "at least one" there), so a lone speaker filter narrowed its
            // own facet (#25).
        }
        else if (multiSelect && filters.Count > 1)
        {
            var allButOne = new BooleanQuery { MinimumNumberShouldMatch = filters.Count - 1 };
            filters.ForEach(filter => allButOne.Add(filter, Occur.SHOULD));
            AddFilter(all, allButOne);
        }
        else
        {
            filters.ForEach(filter => AddFilter(all, filter));
        }

        // Only articles with quotes (every quote has a speaker, a person or an organisation): an empty query would
        // otherwise read every article for nothing. The doc-values presence bits make this check free.
        all.Add(new BooleanQuery
        {
            { new ConstantScoreQuery(new FieldValueFilter(ArticleFields.SpeakerKey)) { Boost = 0 }, Occur.SHOULD },
            { new ConstantScoreQuery(new FieldValueFilter(ArticleFields.OrganizationKey)) { Boost = 0 }, Occur.SHOULD },
        }, Occur.MUST);
        return all;
    }

    private static void AddFilter(BooleanQuery query, Query? filter)
    {
        if (filter is not null)
        {
            query.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
        }
    }

    /// <summary>Articles where any of the requested people or organisations speak.</summary>
    private static BooleanQuery? AnyOfSources(QuoteSearchRequest request)
    {
        var people = AnyOf(ArticleFields.SpeakerKey, request.Speakers);
        var organizations = AnyOf(ArticleFields.OrganizationKey, request.Organizations);
        if (people is null || organizations is null)
        {
            return people ?? organizations;
        }

        return new BooleanQuery { { people, Occur.SHOULD }, { organizations, Occur.SHOULD } };
    }

    private static BooleanQuery? AnyOf(string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var anyOf = new BooleanQuery();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            anyOf.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return anyOf;
    }

    internal static Sort ArticleSort(SearchSort sort)
    {
        if (sort == SearchSort.Relevance)
        {
            return new Sort(SortField.FIELD_SCORE, new SortField(ArticleFields.IdSort, SortFieldType.STRING));
        }

        var newest = sort == SearchSort.Newest;
        var byDay = new SortField(ArticleFields.PublishedDays, SortFieldType.INT64, reverse: newest);
        byDay.SetMissingValue(newest ? long.MinValue : long.MaxValue);
        return new Sort(byDay, new SortField(ArticleFields.IdSort, SortFieldType.STRING));
    }

    /// <summary>Checks a quote search's page, size, query length and dates; a bad one is the client's 400.</summary>
    internal static void Validate(QuoteSearchRequest request, SearchOptions options)
    {
        if (request.Size < 1 || request.Size > options.MaxPageSize)
        {
            throw new SearchRequestException("size", $"size must be between 1 and {options.MaxPageSize}; got {request.Size}.");
        }

        if (request.Page < 1)
        {
            throw new SearchRequestException("page", $"page starts at 1; got {request.Page}.");
        }

        if ((long)request.Page * request.Size > options.MaxResultWindow)
        {
            throw new SearchRequestException("page", $"page × size may not exceed {options.MaxResultWindow}.");
        }

        if (request.Query is { Length: var length } && length > options.MaxQueryLength)
        {
            throw new SearchRequestException("q", $"The query is {length} characters long; the limit is {options.MaxQueryLength}.");
        }

        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new SearchRequestException("from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        }
    }
}
