using Lucene.Net.Analysis;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Core.Alerts;

/// <summary>
/// Lucene's own answer for one article: the article alone in a <see cref="MemoryIndex"/>, and a query run on it.
/// The matcher's fallback for query shapes without a plan, and what the plans are tested against.
/// </summary>
internal static class OneDocumentIndex
{
    public static bool Matches(IndexSearcher searcher, Query query)
    {
        var count = new TotalHitCountCollector();
        searcher.Search(query, count);
        return count.TotalHits > 0;
    }

    /// <summary>
    /// The article's fields as <see cref="ArticleDocumentMapper"/> indexes them, for the fields some alert reads
    /// (<paramref name="fieldUse"/>: how many alerts read each),
    /// in a MemoryIndex (multi-valued fields joined: see <see cref="ArticleTerms.TextOf"/>).
    /// </summary>
    public static IndexSearcher Create(Article article, IReadOnlyDictionary<string, int> fieldUse, Analyzer analyzer)
    {
        var memory = new MemoryIndex();
        foreach (var field in ArticleTerms.AnalysedFields)
        {
            if (fieldUse.ContainsKey(field) && ArticleTerms.TextOf(article, field) is { } text)
            {
                memory.AddField(field, text, analyzer);
            }
        }

        if (article.Published is { } day && fieldUse.ContainsKey(ArticleFields.PublishedDays))
        {
            // The same trie terms as the indexed Int32Field, so published:[a TO b] ranges match alike.
            var days = new NumericTokenStream(NumericUtils.PRECISION_STEP_DEFAULT).SetInt32Value(day.DayNumber);
            memory.AddField(ArticleFields.PublishedDays, days);
        }

        return memory.CreateSearcher();
    }
}
