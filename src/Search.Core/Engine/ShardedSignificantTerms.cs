using Lucene.Net.Search;
using Search.Core.Querying.Stories;
using Search.Core.Querying.Trending;

namespace Search.Core.Engine;

/// <summary>The trending-terms step of a sharded search (<see cref="ShardedSearcher"/>), after its query phase.</summary>
internal sealed class ShardedSignificantTerms(IReadOnlyList<IShard> shards, SearchOptions options) : IDisposable
{
    // Ranks the summed counts as one index ranks its own (its tables stay empty: the shards hold the counts).
    private readonly SignificantTermsFinder _ranker = new();

    /// <summary>
    /// terms=significant over shards: the sample is the best <see cref="SearchOptions.TrendingSampleSize"/> of every
    /// shard's sample merged by the request's sort (then id), keeping the first article of each story
    /// (<see cref="StoryDeduplication"/>); each shard counts the terms of its sampled articles and,
    /// for the terms frequent enough to score, its background; the sums are ranked as one index ranks its counts.
    /// Exact except where matches tie at the sample's cut (see docs/scale-out.md). Shards that fail are returned.
    /// </summary>
    public async Task<(IReadOnlyList<SignificantTerm> Terms, List<int> Failed)> FindAsync(Sort sort, ShardQueryResult?[] results,
        string? queryText, CancellationToken cancellationToken)
    {
        var ranked = ShardHitMerge.Merge(sort, [.. results.Select(r => r?.Sample)], 0, Math.Min(options.TrendingSampleSize, SignificantTermsFinder.MaxSample));
        // Copies of one wire story count once in the foreground (#25): the sample keeps each story's best article.
        var sample = StoryDeduplication.FirstOfEachStory(ranked, hit => hit.Hit.Signature);
        if (sample.Count == 0)
        {
            return ([], []);
        }

        var ids = sample.GroupBy(hit => hit.Shard).ToDictionary(g => g.Key, g => g.Select(hit => hit.Hit.Id).ToList());
        var foreground = await ShardCall.FanOutAsync(shards, (shard, i) => ids.TryGetValue(i, out var mine) ? shard.SampleTermsAsync(mine)
            : Task.FromResult(new ShardTermCounts([], [], 0)), cancellationToken);
        var counts = Sum(foreground);
        var candidates = SignificantTermsFinder.Candidates(counts, sample.Count).ToList();
        var background = candidates.Count == 0 ? [.. foreground.Select(_ => new ShardTermCounts([], [], 0))]
            : await ShardCall.FanOutAsync(shards, (shard, _) => shard.TermBackgroundAsync(candidates), cancellationToken);
        var failed = Enumerable.Range(0, shards.Count).Where(i => (ids.ContainsKey(i) && foreground[i] is null) || background[i] is null).ToList();
        var terms = _ranker.Rank(counts, Sum(background), sample.Count, background.Sum(b => b?.DocCount ?? 0), queryText);
        return (terms, failed);
    }

    /// <summary>Counts per term summed over the shards that answered.</summary>
    private static Dictionary<string, int> Sum(ShardTermCounts?[] perShard)
    {
        var sum = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var counts in perShard.OfType<ShardTermCounts>())
        {
            for (var i = 0; i < counts.Terms.Count; i++)
            {
                sum[counts.Terms[i]] = sum.GetValueOrDefault(counts.Terms[i]) + counts.Counts[i];
            }
        }

        return sum;
    }

    public void Dispose() => _ranker.Dispose();
}
