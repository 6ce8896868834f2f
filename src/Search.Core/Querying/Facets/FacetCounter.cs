using Lucene.Net.Index;
using Lucene.Net.Util;
using OrdinalMap = Lucene.Net.Index.MultiDocValues.OrdinalMap;

namespace Search.Core.Querying.Facets;

/// <summary>
/// Counts facet values over <see cref="SortedSetDocValues"/>, the way Lucene's
/// SortedSetDocValuesFacetCounts does: count segment ordinals per leaf, then map them to global
/// ordinals through the reader's <see cref="FacetOrdinals"/> (built when the reader was opened). Stateless.
/// </summary>
public static class FacetCounter
{
    /// <summary>
    /// Top <paramref name="size"/> values of <paramref name="field"/> over the documents of
    /// <paramref name="matches"/> kept by every filter except <paramref name="ignoredFilter"/>,
    /// by count (descending) then value.
    /// </summary>
    public static IReadOnlyList<FacetValue> Count(IndexReader reader, FacetOrdinals ordinals, string field, MatchSet matches, int ignoredFilter, int size)
    {
        var leaves = reader.Leaves;
        var map = leaves.Count <= 1 ? null : ordinals.For(field);
        var globalCount = map is null ? (leaves.Count == 1 ? ValueCount(leaves[0], field) : 0) : (int)map.ValueCount;
        if (globalCount == 0)
        {
            return [];
        }

        var counts = new int[globalCount];
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            CountLeaf(leaves[leaf], leaf, field, matches, ignoredFilter, map, counts);
        }

        return TopValues(leaves, field, map, counts, size);
    }

    private static int ValueCount(AtomicReaderContext leaf, string field) =>
        (int)(leaf.AtomicReader.GetSortedSetDocValues(field)?.ValueCount ?? 0);

    private static void CountLeaf(AtomicReaderContext leaf, int leafIndex, string field, MatchSet matches, int ignoredFilter, OrdinalMap? map, int[] counts)
    {
        var values = leaf.AtomicReader.GetSortedSetDocValues(field);
        if (values is null)
        {
            return;
        }

        // Count per segment ordinal first: one array write per value, one map lookup per distinct value.
        var segmentCounts = map is null ? counts : new int[values.ValueCount];
        // Fields with at most one value per document (outlet, month) are stored as single-valued sorted doc
        // values; reading their ordinal directly skips the per-document SetDocument/NextOrd iteration.
        var single = DocValues.UnwrapSingleton(values);
        var docs = matches.Matches(leafIndex);
        for (var doc = docs.NextSetBit(0); doc >= 0; doc = doc + 1 < docs.Length ? docs.NextSetBit(doc + 1) : -1)
        {
            if (!matches.IsKept(leafIndex, doc, ignoredFilter))
            {
                continue;
            }

            if (single is not null)
            {
                var singleOrd = single.GetOrd(doc);
                if (singleOrd >= 0)
                {
                    segmentCounts[singleOrd]++;
                }

                continue;
            }

            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                segmentCounts[ord]++;
            }
        }

        if (map is not null)
        {
            for (var ord = 0; ord < segmentCounts.Length; ord++)
            {
                if (segmentCounts[ord] > 0)
                {
                    counts[map.GetGlobalOrd(leafIndex, ord)] += segmentCounts[ord];
                }
            }
        }
    }

    private static List<FacetValue> TopValues(IList<AtomicReaderContext> leaves, string field, OrdinalMap? map, int[] counts, int size)
    {
        // Ordinals are in value order, so a stable sort by count keeps ties in value order.
        var top = Enumerable.Range(0, counts.Length)
            .Where(ord => counts[ord] > 0)
            .OrderByDescending(ord => counts[ord])
            .Take(size)
            .ToList();

        var lookups = new SortedSetDocValues?[leaves.Count];
        var bytes = new BytesRef();
        var result = new List<FacetValue>(top.Count);
        foreach (var globalOrd in top)
        {
            var segment = map is null ? 0 : map.GetFirstSegmentNumber(globalOrd);
            var segmentOrd = map is null ? globalOrd : map.GetFirstSegmentOrd(globalOrd);
            var values = lookups[segment] ??= leaves[segment].AtomicReader.GetSortedSetDocValues(field);
            values!.LookupOrd(segmentOrd, bytes);
            result.Add(new FacetValue(bytes.Utf8ToString(), counts[globalOrd]));
        }

        return result;
    }
}
