using Lucene.Net.Util;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Facets;

namespace Search.Core.Sharding;

/// <summary>
/// The facet step of a sharded search: every shard counts every value of every facet over its matches (each
/// facet ignoring its own filter, as on one index) and the counts are summed. Exact, unlike Elasticsearch's
/// shard_size: a value just below the cut on every shard can be in the global top, so no shard may cut.
/// Ties are broken by value in the index's term order (UTF-8 bytes), as <see cref="FacetCounter"/> does.
/// </summary>
internal static class ShardFacetMerger
{
    public static Dictionary<string, IReadOnlyList<FacetValue>> Count(IReadOnlyList<SearcherLease> leases, IReadOnlyList<SearchCollection> collections,
        int size, CancellationToken cancellationToken)
    {
        var matches = collections.Select(c => c.Matches()).ToList();
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        foreach (var facet in FacetDefinition.All)
        {
            var sums = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var shard = 0; shard < leases.Count; shard++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var lease = leases[shard];
                var counts = FacetCounter.Count(lease.Searcher.IndexReader, lease.Context.Facets, facet.Field, matches[shard],
                    matches[shard].FilterIndex(facet.Name), int.MaxValue);
                foreach (var value in counts)
                {
                    sums[value.Value] = sums.GetValueOrDefault(value.Value) + value.Count;
                }
            }

            facets[facet.Name] = sums
                .Select(pair => new FacetValue(pair.Key, pair.Value))
                .OrderByDescending(value => value.Count)
                .ThenBy(value => new BytesRef(value.Value))
                .Take(size)
                .ToList();
        }

        return facets;
    }
}
