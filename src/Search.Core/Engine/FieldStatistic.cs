namespace Search.Core.Engine;

/// <summary>One field's collection statistics on one shard, or summed over shards (the dfs phase's message).</summary>
/// <param name="Field">The field.</param>
/// <param name="MaxDoc">Documents, deleted ones included until merged away (Lucene 4's BM25 divides by it).</param>
/// <param name="DocCount">Documents with the field; −1 when unknown.</param>
/// <param name="SumTotalTermFreq">Tokens in the field over all documents; −1 when unknown.</param>
/// <param name="SumDocFreq">Sum of the field's terms' document frequencies; −1 when unknown.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record FieldStatistic(string Field, long MaxDoc, long DocCount, long SumTotalTermFreq, long SumDocFreq);
