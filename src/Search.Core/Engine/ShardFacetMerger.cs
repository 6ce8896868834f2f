using System.Text;
using Search.Core.Querying;
using Search.Core.Querying.Facets;

namespace Search.Core.Engine;

/// <summary>
/// The facet step of a sharded search: every shard reports every value its matches carry
/// (<see cref="ShardFacetCounts"/>, each facet ignoring its own filter, as on one index) and the counts are
/// summed. Exact, unlike Elasticsearch's shard_size: a value just below the cut on every shard can be in the
/// global top, so no shard may cut. Values are summed and ordered by their UTF-8 bytes (the index's term order,
/// which <see cref="FacetCounter"/> breaks ties by) and only the values returned are decoded.
/// </summary>
internal static class ShardFacetMerger
{
    /// <summary>The facets summed over shards; the speaker facet's aliases folded as one index folds them (#22).</summary>
    public static Dictionary<string, IReadOnlyList<FacetValue>> Merge(IEnumerable<IReadOnlyList<ShardFacetCounts>> shards, int size, SpeakerAliases? aliases = null)
    {
        // Latin-1 maps each byte to one char, so ordinal order of the keys is the bytes' order.
        var sums = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var facet in FacetDefinition.All)
        {
            sums[facet.Name] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        foreach (var shard in shards)
        {
            foreach (var counts in shard)
            {
                var sum = sums[counts.Facet];
                for (var i = 0; i < counts.Values.Count; i++)
                {
                    var key = Encoding.Latin1.GetString(counts.Values[i]);
                    sum[key] = sum.GetValueOrDefault(key) + counts.Counts[i];
                }
            }
        }

        return sums.ToDictionary(pair => pair.Key, pair => pair.Key == FacetDefinition.Speaker && aliases is { Count: > 0 }
            ? aliases.Fold(pair.Value.Select(value => new FacetValue(Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(value.Key)), value.Value)), size)
            : (IReadOnlyList<FacetValue>)[.. pair.Value
            .OrderByDescending(value => value.Value)
            .ThenBy(value => value.Key, StringComparer.Ordinal)
            .Take(size)
            .Select(value => new FacetValue(Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(value.Key)), value.Value))], StringComparer.Ordinal);
    }
}
