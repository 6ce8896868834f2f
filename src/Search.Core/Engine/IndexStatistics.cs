using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Engine;

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
    /// One shard's part of the dfs phase: the statistics of every term <paramref name="query"/> scores with on
    /// this shard (rewritten here, so a prefix or fuzzy query contributes the terms it expands to here), and of
    /// every indexed field.
    /// </summary>
    public static ShardStatistics Collect(IndexSearcher shard, Query query)
    {
        var terms = new HashSet<Term>();
        shard.Rewrite(query).ExtractTerms(terms);
        var reader = shard.IndexReader;
        var termStats = terms.Select(term =>
        {
            var stats = shard.TermStatistics(term, TermContext.Build(reader.Context, term));
            return new TermStatistic(term.Field, BytesRef.DeepCopyOf(term.Bytes).Bytes[..term.Bytes.Length], stats.DocFreq, stats.TotalTermFreq);
        }).ToList();
        var fieldStats = MultiFields.GetIndexedFields(reader).Select(field =>
        {
            var stats = shard.CollectionStatistics(field);
            return new FieldStatistic(field, stats.MaxDoc, stats.DocCount, stats.SumTotalTermFreq, stats.SumDocFreq);
        }).ToList();
        return new ShardStatistics(termStats, fieldStats, reader.MaxDoc);
    }

    /// <summary>The statistics a shard scores with, from the coordinator's sum.</summary>
    public static IndexStatistics From(ShardStatistics sum)
    {
        var terms = new Dictionary<Term, TermStatistics>();
        foreach (var term in sum.Terms)
        {
            var bytes = new BytesRef(term.Term);
            terms[new Term(term.Field, bytes)] = new TermStatistics(bytes, term.DocFreq, term.TotalTermFreq);
        }

        var fields = sum.Fields.ToDictionary(f => f.Field,
            f => new CollectionStatistics(f.Field, f.MaxDoc, f.DocCount, f.SumTotalTermFreq, f.SumDocFreq), StringComparer.Ordinal);
        return new IndexStatistics(terms, fields);
    }
}
