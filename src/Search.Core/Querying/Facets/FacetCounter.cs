using Lucene.Net.Index;
using Lucene.Net.Util;
using OrdinalMap = Lucene.Net.Index.MultiDocValues.OrdinalMap;

namespace Search.Core.Querying.Facets;

/// <summary>
/// Counts facet values over <see cref="SortedSetDocValues"/>, the way Lucene's
/// SortedSetDocValuesFacetCounts does: segment ordinals are mapped to global ordinals through the reader's
/// <see cref="FacetOrdinals"/> (built when the reader was opened). Counts live in a <see cref="FacetTally"/>, so
/// the work follows the matches and the distinct values they touch, not the field's value count. Stateless.
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

        using var tally = new FacetTally(globalCount);
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            CountLeaf(leaves[leaf], leaf, field, matches, ignoredFilter, map, tally);
        }

        return TopValues(leaves, field, map, tally, size);
    }

    /// <summary>
    /// Every value of <paramref name="field"/> the kept matches carry, with its count, as UTF-8 bytes in no order:
    /// a shard's part of an exact facet count over shards. Values are looked up, never decoded or sorted here.
    /// </summary>
    public static (List<byte[]> Values, List<int> Counts) CountAll(IndexReader reader, FacetOrdinals ordinals, string field, MatchSet matches, int ignoredFilter)
    {
        var leaves = reader.Leaves;
        var map = leaves.Count <= 1 ? null : ordinals.For(field);
        var globalCount = map is null ? (leaves.Count == 1 ? ValueCount(leaves[0], field) : 0) : (int)map.ValueCount;
        var values = new List<byte[]>();
        var counts = new List<int>();
        if (globalCount == 0)
        {
            return (values, counts);
        }

        using var tally = new FacetTally(globalCount);
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            CountLeaf(leaves[leaf], leaf, field, matches, ignoredFilter, map, tally);
        }

        var lookups = new SortedSetDocValues?[leaves.Count];
        var bytes = new BytesRef();
        foreach (var globalOrd in tally.Touched())
        {
            var segment = map is null ? 0 : map.GetFirstSegmentNumber(globalOrd);
            var segmentOrd = map is null ? globalOrd : map.GetFirstSegmentOrd(globalOrd);
            var docValues = lookups[segment] ??= leaves[segment].AtomicReader.GetSortedSetDocValues(field);
            docValues!.LookupOrd(segmentOrd, bytes);
            values.Add(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray());
            counts.Add(tally.CountOf(globalOrd));
        }

        return (values, counts);
    }

    /// <summary><see cref="CountAll"/> with the values decoded: what <see cref="SpeakerAliases.Fold"/> folds.</summary>
    public static IEnumerable<FacetValue> CountAllValues(IndexReader reader, FacetOrdinals ordinals, string field, MatchSet matches, int ignoredFilter)
    {
        var (values, counts) = CountAll(reader, ordinals, field, matches, ignoredFilter);
        return values.Select((value, i) => new FacetValue(System.Text.Encoding.UTF8.GetString(value), counts[i]));
    }

    private static int ValueCount(AtomicReaderContext leaf, string field) =>
        (int)(leaf.AtomicReader.GetSortedSetDocValues(field)?.ValueCount ?? 0);

    /// <summary>
    /// Adds one leaf's matches to <paramref name="tally"/> (global ordinals). When the leaf's field has few
    /// values for its matches, they are counted per segment ordinal and mapped once per distinct value; when
    /// it has many (the speaker facet: ~131k values, a query's matches touch a few hundred), each value is
    /// mapped as it is met, so nothing is sized by the field's value count.
    /// </summary>
    private static void CountLeaf(AtomicReaderContext leaf, int leafIndex, string field, MatchSet matches, int ignoredFilter, OrdinalMap? map, FacetTally tally)
    {
        var values = leaf.AtomicReader.GetSortedSetDocValues(field);
        if (values is null || values.ValueCount == 0)
        {
            return;
        }

        var docs = matches.Matches(leafIndex);
        var perSegment = map is not null && values.ValueCount <= 2 * docs.Cardinality;
        using var segmentTally = perSegment ? new FacetTally((int)values.ValueCount) : null;
        // Fields with at most one value per document (outlet, month) are stored as single-valued sorted doc
        // values; reading their ordinal directly skips the per-document SetDocument/NextOrd iteration.
        var single = DocValues.UnwrapSingleton(values);
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
                    Add(segmentTally, tally, map, leafIndex, singleOrd);
                }

                continue;
            }

            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                Add(segmentTally, tally, map, leafIndex, ord);
            }
        }

        if (segmentTally is not null)
        {
            foreach (var ord in segmentTally.Touched())
            {
                tally.Add((int)map!.GetGlobalOrd(leafIndex, ord), segmentTally.CountOf(ord));
            }
        }
    }

    private static void Add(FacetTally? segmentTally, FacetTally tally, OrdinalMap? map, int leafIndex, long ord)
    {
        if (segmentTally is not null)
        {
            segmentTally.Add((int)ord);
        }
        else
        {
            tally.Add(map is null ? (int)ord : (int)map.GetGlobalOrd(leafIndex, ord));
        }
    }

    private static List<FacetValue> TopValues(IList<AtomicReaderContext> leaves, string field, OrdinalMap? map, FacetTally tally, int size)
    {
        var lookups = new SortedSetDocValues?[leaves.Count];
        var bytes = new BytesRef();
        var top = tally.Top(size);
        var result = new List<FacetValue>(top.Count);
        foreach (var globalOrd in top)
        {
            var segment = map is null ? 0 : map.GetFirstSegmentNumber(globalOrd);
            var segmentOrd = map is null ? globalOrd : map.GetFirstSegmentOrd(globalOrd);
            var values = lookups[segment] ??= leaves[segment].AtomicReader.GetSortedSetDocValues(field);
            values!.LookupOrd(segmentOrd, bytes);
            result.Add(new FacetValue(bytes.Utf8ToString(), tally.CountOf(globalOrd)));
        }

        return result;
    }
}
