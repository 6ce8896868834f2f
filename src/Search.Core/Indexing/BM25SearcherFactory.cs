using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Indexing;

/// <summary>
/// Gives every searcher BM25. Lucene.NET 4.8 still defaults to TF-IDF, and the similarity must match the
/// one the writer encoded norms with. Lucene's k1 = 1.2, b = 0.75: in the relevance evaluation (Search.Bench
/// relevance) no other setting won on all three collections through the product's own query path.
/// </summary>
public sealed class BM25SearcherFactory : SearcherFactory
{
    public static Similarity CreateSimilarity() => new BM25Similarity();

    public override IndexSearcher NewSearcher(IndexReader reader) =>
        new(reader) { Similarity = CreateSimilarity() };
}
