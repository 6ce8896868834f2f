using Search.Core.Querying;
using Search.Core.Querying.Facets;

namespace Search.Core.Engine;

/// <summary>
/// The coordinator's corpus-wide <see cref="SpeakerAliases"/> (#22): every shard reports its speaker values with their
/// article counts in a dfs call, the counts are summed and the table built, so it is the one index's table. Kept
/// while every shard's reader generation stays the same (each dfs phase reports it), rebuilt when one changes.
/// </summary>
internal sealed class ShardSpeakerAliases(IReadOnlyList<IShard> shards)
{
    private readonly Lock _gate = new();
    private (long[] Generations, SpeakerAliases Table)? _cached;

    /// <summary>The table for the shards' current readers, asking them for their generations first.</summary>
    public async Task<SpeakerAliases> CurrentAsync(CancellationToken cancellationToken)
    {
        var statistics = await ShardCall.FanOutAsync(shards, (shard, _) => shard.CollectStatisticsAsync(new ShardQuery(new SearchRequest())), cancellationToken);
        return await ForAsync(statistics, cancellationToken);
    }

    /// <summary>The table for the readers that gave these dfs answers (a shard that did not answer counts as changed).</summary>
    public async Task<SpeakerAliases> ForAsync(IReadOnlyList<ShardStatistics?> statistics, CancellationToken cancellationToken)
    {
        var generations = statistics.Select(s => s?.Generation ?? -1).ToArray();
        lock (_gate)
        {
            if (_cached is { } cached && cached.Generations.SequenceEqual(generations) && !generations.Contains(-1))
            {
                return cached.Table;
            }
        }

        var request = new ShardQuery(new SearchRequest(), SpeakerValues: true);
        var answers = await ShardCall.FanOutAsync(shards, (shard, _) => shard.CollectStatisticsAsync(request), cancellationToken);
        var table = SpeakerAliases.Build(answers.OfType<ShardStatistics>()
            .SelectMany(a => (a.SpeakerNames ?? []).Select((name, i) => (name, a.SpeakerCounts![i]))));
        lock (_gate)
        {
            _cached = (answers.Select(a => a?.Generation ?? -1).ToArray(), table);
        }

        return table;
    }
}
