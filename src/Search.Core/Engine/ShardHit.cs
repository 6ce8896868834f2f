namespace Search.Core.Engine;

/// <summary>One of a shard's best hits in the query phase: what the coordinator merges by, and nothing to display.</summary>
/// <param name="Id">The article id (the tie-break of every sort, so the merge order is total).</param>
/// <param name="Score">BM25 score with the index-wide statistics.</param>
/// <param name="Day">The sort value of a date sort (the published day number, or the missing-value stand-in).</param>
/// <param name="Copies">With story collapsing: the story's matching articles on this shard.</param>
/// <param name="StoryOutlets">With story collapsing: their outlets, the hit's own first.</param>
/// <param name="Signature">In a trending-terms sample: the article's story signature (copies of a wire story count once, #25).</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardHit(string Id, float Score, long Day, int? Copies = null, IReadOnlyList<string>? StoryOutlets = null,
    uint[]? Signature = null);
