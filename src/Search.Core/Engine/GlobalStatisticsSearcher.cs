using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Engine;

/// <summary>
/// A searcher over one shard's reader that scores with statistics summed over every shard
/// (<see cref="IndexStatistics"/>): Lucene's ShardSearchingTestBase idea, where each node's searcher overrides
/// TermStatistics and CollectionStatistics with the cluster's. Terms not collected (none should be) fall back to
/// the shard's own.
/// </summary>
public sealed class GlobalStatisticsSearcher : IndexSearcher
{
    private readonly IndexStatistics _statistics;

    public GlobalStatisticsSearcher(IndexReader reader, IndexStatistics statistics)
        : base(reader)
    {
        _statistics = statistics;
        Similarity = LuceneSettings.CreateSimilarity();
    }

    public override TermStatistics TermStatistics(Term term, TermContext context) =>
        _statistics.Term(term) ?? base.TermStatistics(term, context);

    public override CollectionStatistics CollectionStatistics(string field) =>
        _statistics.Field(field) ?? base.CollectionStatistics(field);
}
