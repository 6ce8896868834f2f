namespace Search.Core.Engine;

/// <summary>One term's statistics on one shard, or summed over shards (the dfs phase's message).</summary>
/// <param name="Field">The term's field.</param>
/// <param name="Term">The term's UTF-8 bytes, as the index holds them.</param>
/// <param name="DocFreq">Documents holding the term.</param>
/// <param name="TotalTermFreq">Occurrences of the term; −1 when unknown.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record TermStatistic(string Field, byte[] Term, long DocFreq, long TotalTermFreq);
