using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying.Highlighting;

namespace Search.Core.Querying.Similar;

/// <summary>
/// "More like this": articles whose bodies share the most distinctive words of a given article's body
/// (Lucene's MoreLikeThis picks the article's terms with the highest tf-idf and ORs them), excluding the
/// article itself. Words in more than a tenth of a large index say nothing about the topic and are left
/// out; on a small index every word may serve.
/// </summary>
internal sealed class SimilarArticleFinder(Analyzer analyzer)
{
    private const int MaxQueryTerms = 25;

    /// <summary>Up to <paramref name="size"/> articles like article <paramref name="id"/>, most similar first.</summary>
    /// <exception cref="ArticleNotFoundException">No article has this id.</exception>
    public IReadOnlyList<SearchHit> FindSimilar(IndexSearcher searcher, string id, int size)
    {
        var idTerm = new Term(ArticleFields.Id, id);
        var found = searcher.Search(new TermQuery(idTerm), 1);
        if (found.TotalHits == 0)
        {
            throw new ArticleNotFoundException(id);
        }

        var reader = searcher.IndexReader;
        var query = new BooleanQuery
        {
            // The body is a doc value, not a stored field MoreLikeThis could read by doc id, so it is handed over as text.
            { Create(reader).Like(new StringReader(StoredArticles.ReadBody(reader, found.ScoreDocs[0].Doc)), ArticleFields.Body), Occur.MUST },
            { new TermQuery(idTerm), Occur.MUST_NOT },
        };

        // Ties by article id, as every result list breaks them (#22).
        return [.. searcher.Search(query, null, size, SearchCollection.CreateSort(SearchSort.Relevance), doDocScores: true, doMaxScore: false).ScoreDocs.Select(scoreDoc =>
        {
            var card = StoredArticles.ReadCard(reader, scoreDoc.Doc);
            return new SearchHit(card.Id, card.Title, card.Url, card.Outlet, card.Speakers, card.Published, scoreDoc.Score,
                SnippetHighlighter.BestPassage(StoredArticles.ReadBody(reader, scoreDoc.Doc), []));
        })];
    }

    /// <summary>
    /// The words a more-like-this query for article <paramref name="id"/> looks for (its body's most distinctive
    /// words in <paramref name="searcher"/>'s reader), or null when the reader has no such article. A sharded
    /// index asks the shard owning the article and searches every shard for them.
    /// </summary>
    public IReadOnlyList<string>? LikeTerms(IndexSearcher searcher, string id)
    {
        var found = searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
        var reader = searcher.IndexReader;
        return found.TotalHits == 0 ? null
            : Create(reader).RetrieveInterestingTerms(new StringReader(StoredArticles.ReadBody(reader, found.ScoreDocs[0].Doc)), ArticleFields.Body);
    }

    private MoreLikeThis Create(IndexReader reader)
    {
        var moreLikeThis = new MoreLikeThis(reader)
        {
            Analyzer = analyzer,
            FieldNames = [ArticleFields.Body],
            MinTermFreq = 1,
            MinDocFreq = 1,
            MinWordLen = 3,
            MaxQueryTerms = MaxQueryTerms,
        };
        if (reader.NumDocs >= 100)
        {
            moreLikeThis.MinTermFreq = 2;
            moreLikeThis.MinDocFreq = 2;
            moreLikeThis.SetMaxDocFreqPct(10);
        }

        return moreLikeThis;
    }
}
