using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Sharding;

/// <summary>
/// Term and collection statistics of a query summed over every shard: the first (dfs) phase of a sharded
/// search, Elasticsearch's dfs_query_then_fetch. BM25 scores a document with its idf (docFreq, maxDoc) and its
/// field's average length (sumTotalTermFreq / maxDoc); computed per shard they differ from shard to shard, and a
/// document would score differently depending on where its id hashed. With these sums every shard scores as one
/// index over all the articles would.
/// </summary>
public sealed class IndexStatistics
{
    private readonly Dictionary<Term, TermStatistics> _terms;
    private readonly Dictionary<string, CollectionStatistics> _fields;

    private IndexStatistics(Dictionary<Term, TermStatistics> terms, Dictionary<string, CollectionStatistics> fields)
    {
        _terms = terms;
        _fields = fields;
    }

    /// <summary>The summed statistics of <paramref name="term"/>, or null when it was not collected.</summary>
    public TermStatistics? Term(Term term) => _terms.GetValueOrDefault(term);

    /// <summary>The summed statistics of <paramref name="field"/>, or null when it was not collected.</summary>
    public CollectionStatistics? Field(string field) => _fields.GetValueOrDefault(field);

    /// <summary>
    /// Collects the statistics of every term <paramref name="query"/> scores with on any shard (each shard
    /// rewrites it, so a prefix or fuzzy query contributes the terms it expands to there) and of their fields.
    /// </summary>
    public static IndexStatistics Collect(IReadOnlyList<IndexSearcher> shards, Query query)
    {
        var terms = new HashSet<Term>();
        foreach (var shard in shards)
        {
            shard.Rewrite(query).ExtractTerms(terms);
        }

        var termStats = new Dictionary<Term, TermStatistics>();
        var fieldStats = new Dictionary<string, CollectionStatistics>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            long docFreq = 0, totalTermFreq = 0;
            foreach (var shard in shards)
            {
                var stats = shard.TermStatistics(term, TermContext.Build(shard.IndexReader.Context, term));
                docFreq += stats.DocFreq;
                // -1 (unknown, e.g. a field indexed without frequencies) anywhere makes the sum unknown.
                totalTermFreq = totalTermFreq < 0 || stats.TotalTermFreq < 0 ? -1 : totalTermFreq + stats.TotalTermFreq;
            }

            termStats[term] = new TermStatistics(term.Bytes, docFreq, totalTermFreq);
            if (!fieldStats.ContainsKey(term.Field))
            {
                fieldStats[term.Field] = SumField(shards, term.Field);
            }
        }

        return new IndexStatistics(termStats, fieldStats);
    }

    private static CollectionStatistics SumField(IReadOnlyList<IndexSearcher> shards, string field)
    {
        long maxDoc = 0, docCount = 0, sumTotalTermFreq = 0, sumDocFreq = 0;
        foreach (var shard in shards)
        {
            var stats = shard.CollectionStatistics(field);
            maxDoc += stats.MaxDoc;
            docCount = Sum(docCount, stats.DocCount);
            sumTotalTermFreq = Sum(sumTotalTermFreq, stats.SumTotalTermFreq);
            sumDocFreq = Sum(sumDocFreq, stats.SumDocFreq);
        }

        return new CollectionStatistics(field, maxDoc, docCount, sumTotalTermFreq, sumDocFreq);
    }

    private static long Sum(long total, long value) => total < 0 || value < 0 ? -1 : total + value;
}
