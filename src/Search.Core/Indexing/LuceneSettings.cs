using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Search.Core.Indexing;

/// <summary>
/// The one place the Lucene version and the similarity are named, so the library can be upgraded before the
/// index format.
/// </summary>
public static class LuceneSettings
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// BM25 for writers and searchers alike. Lucene.NET 4.8 still defaults to TF-IDF, and the similarity must
    /// match the one the writer encoded norms with. Lucene's k1 = 1.2, b = 0.75: in the relevance evaluation
    /// (Search.Bench relevance) no other setting won on all three collections through the product's own query path.
    /// </summary>
    public static Similarity CreateSimilarity() => new BM25Similarity();
}
