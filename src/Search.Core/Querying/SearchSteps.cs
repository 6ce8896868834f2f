using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying.Highlighting;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Querying;

/// <summary>
/// The steps of the search pipeline that do not depend on how the index is laid out: aliases and parse, rank,
/// and turning a document into a hit (stored fields and snippet). <see cref="ArticleSearcher"/> runs them over one
/// index; a shard of a sharded index runs the same instances' steps in its query and fetch phases
/// (<see cref="Engine.ShardSearchSteps"/>), so both paths share one parser, ranker and highlighter.
/// </summary>
internal sealed class SearchSteps(ArticleAnalyzer analyzer, SynonymExpander synonyms, int maxPhraseSlop)
{
    private readonly UserQueryParser _parser = new(analyzer, maxPhraseSlop);
    private readonly SnippetHighlighter _highlighter = new(analyzer);

    public ArticleAnalyzer Analyzer => analyzer;

    public SnippetHighlighter Highlighter => _highlighter;

    public SynonymExpander Synonyms => synonyms;

    /// <summary>The aliases and parse steps: the request with its query expanded, and the parsed query.</summary>
    public (SearchRequest Aliased, Query Query) Parse(SearchRequest request)
    {
        var aliased = Alias(request);
        return (aliased, _parser.Parse(aliased.Query, aliased.Operator));
    }

    /// <summary>The aliases step alone: the request with its query expanded.</summary>
    public SearchRequest Alias(SearchRequest request) => request with { Query = synonyms.Expand(request.Query) };

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

    /// <summary>
    /// The hits step: each hit's result card and body from doc values (no stored-fields chunk is decompressed),
    /// snippets from the indexed offsets for <paramref name="query"/> (null: the body's opening). Highlighting keeps
    /// the query as written (no proximity pairs, no feedback words), rewritten once for the page.
    /// </summary>
    /// <param name="searcher">The searcher the documents come from.</param>
    /// <param name="query">The query to mark, as written; null for no marks.</param>
    /// <param name="docs">The page's documents and scores.</param>
    /// <param name="check">Called between documents (the request's time budget).</param>
    public List<SearchHit> Hits(IndexSearcher searcher, Query? query, IReadOnlyList<ScoreDoc> docs, Action? check = null)
    {
        if (docs.Count == 0)
        {
            return [];
        }

        var reader = searcher.IndexReader;
        var ids = docs.Select(d => d.Doc).ToArray();
        var bodies = ids.Select(doc => StoredArticles.ReadBody(reader, doc)).ToArray();
        check?.Invoke();
        var matches = query is null
            ? [.. ids.Select(_ => (IReadOnlyList<MatchRange>)[])]
            : _highlighter.FindMatches(searcher, SnippetHighlighter.Prepare(searcher, query, ArticleFields.Body), ids, bodies);
        var hits = new List<SearchHit>(docs.Count);
        for (var i = 0; i < docs.Count; i++)
        {
            check?.Invoke();
            var card = StoredArticles.ReadCard(reader, ids[i]);
            var score = float.IsNaN(docs[i].Score) ? 0 : docs[i].Score;
            var lang = DocValueKeys.Read(reader, ids[i], ArticleFields.Lang);
            hits.Add(new SearchHit(card.Id, card.Title, card.Url, card.Outlet, card.Speakers, card.Published, score,
                SnippetHighlighter.BestPassage(bodies[i], matches[i]))
            {
                // Doc values, like the card: a seek each, no stored-fields chunk decompressed.
                Authors = DocValueKeys.Read(reader, ids[i], ArticleFields.AuthorKey),
                Sources = DocValueKeys.Read(reader, ids[i], ArticleFields.SourceKey),
                Lang = lang.Count > 0 ? lang[0] : null,
            });
        }

        return hits;
    }
}
