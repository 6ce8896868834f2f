namespace Search.Core.Engine;

/// <summary>
/// A shard's part of terms=significant: per term, the sampled articles of this shard holding it (foreground), or
/// the articles of this shard holding it (background, with <paramref name="DocCount"/>). Summed by the coordinator.
/// </summary>
/// <param name="Terms">The terms (words and pairs as <see cref="Querying.Trending.TrendingWords"/> extracts them).</param>
/// <param name="Counts">Each term's count, parallel to <paramref name="Terms"/>.</param>
/// <param name="DocCount">For the background: the articles it counts on this shard; 0 for a foreground count.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardTermCounts(IReadOnlyList<string> Terms, IReadOnlyList<int> Counts, int DocCount);
