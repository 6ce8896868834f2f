using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Search.Core.Indexing;

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
