using System.Globalization;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying.Highlighting;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Querying;

/// <summary>
/// The steps of the search pipeline that do not depend on how the index is laid out: aliases and parse, rank,
/// and turning a document into a hit (stored fields and snippet). <see cref="ArticleSearcher"/> runs them over one
/// index; a shard of a sharded index runs the same instances' steps in its query and fetch phases
/// (<see cref="Sharding.ShardSearchSteps"/>), so both paths share one parser, ranker and highlighter.
/// </summary>
internal sealed class SearchSteps(ArticleAnalyzer analyzer, SynonymExpander synonyms, int maxPhraseSlop)
{
    /// <summary>Stored fields a result needs; the rest (quotes) is not read from disk for a result list.</summary>
    private static readonly ISet<string> HitFields = new HashSet<string>
    {
        ArticleFields.Id, ArticleFields.Title, ArticleFields.Url, ArticleFields.Outlet,
        ArticleFields.Speaker, ArticleFields.Published, ArticleFields.Body,
    };

    private readonly UserQueryParser _parser = new(analyzer, maxPhraseSlop);
    private readonly SnippetHighlighter _highlighter = new(analyzer);

    public ArticleAnalyzer Analyzer => analyzer;

    public SnippetHighlighter Highlighter => _highlighter;

    public SynonymExpander Synonyms => synonyms;

    /// <summary>The aliases and parse steps: the request with its query expanded, and the parsed query.</summary>
    public (SearchRequest Aliased, Query Query) Parse(SearchRequest request)
    {
        var aliased = request with { Query = synonyms.Expand(request.Query) };
        return (aliased, _parser.Parse(aliased.Query, aliased.Operator));
    }

    /// <summary>Parses query text as written (highlighting a whole body).</summary>
    public Query ParseText(string? queryText) => _parser.Parse(synonyms.Expand(queryText));

    /// <summary>
    /// What ranks the matches: the parsed query with the proximity boost and, when asked for and the query is
    /// plain words ranked by relevance (and <paramref name="feedback"/> allows it), pseudo-relevance feedback.
    /// Neither changes which articles match.
    /// </summary>
    public Query Rank(IndexSearcher searcher, Query parsed, SearchRequest aliased, bool feedback = true)
    {
        var ranked = ProximityBoost.Apply(parsed, aliased.Query, analyzer);
        return feedback && aliased.Expansion == QueryExpansion.Prf && aliased.Sort == SearchSort.Relevance && ProximityBoost.IsPlainWords(aliased.Query)
            ? RelevanceFeedback.Expand(searcher, ranked, aliased.Query!, analyzer)
            : ranked;
    }

    /// <summary>The hits step for one document: its stored fields and best passage for <paramref name="query"/> (none: the body's opening).</summary>
    public SearchHit ToHit(IndexSearcher searcher, Query? query, int doc, float score)
    {
        var stored = searcher.Doc(doc, HitFields);
        var body = stored.Get(ArticleFields.Body, CultureInfo.InvariantCulture) ?? "";
        var matches = query is null ? [] : _highlighter.FindMatches(searcher, query, doc, ArticleFields.Body, body);
        var article = ArticleDocumentMapper.ToArticle(stored);
        return new SearchHit(article.Id, article.Title, article.Url, article.Outlet, article.Speakers,
            article.Published, float.IsNaN(score) ? 0 : score, SnippetHighlighter.BestPassage(body, matches));
    }
}
