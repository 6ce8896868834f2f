using System.Buffers;
using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Querying.Facets;

/// <summary>
/// Counts facet values over the per-segment arrays of <see cref="FacetOrdinals"/> (built when the reader was
/// opened, never here): one tight loop per leaf over the match set's bits, reading each match's segment
/// ordinal(s) from a plain array. Single-valued fields are counted into a small per-segment array and folded
/// into counting slots once per distinct value; multi-valued ones (the speaker facet has ~131k values, a
/// query's matches touch a few thousand) add straight into a <see cref="FacetTally"/> through the segment →
/// slot array (slots ranked by frequency, so the hot counts share cache lines). The top values are picked
/// with a bounded heap, and only they are looked up as strings. Stateless.
/// </summary>
/// <remarks>
/// Counting and naming are apart (<see cref="Tally"/>, then <see cref="TopValues"/> or <see cref="CountAll"/>), so a
/// caller can fold raw values into others (aliases) between the two.
/// </remarks>
public static class FacetCounter
{
    /// <summary>
    /// Top <paramref name="size"/> values of <paramref name="field"/> over the documents of
    /// <paramref name="matches"/> kept by every filter except <paramref name="ignoredFilter"/>,
    /// by count (descending) then value.
    /// </summary>
    public static IReadOnlyList<FacetValue> Count(IndexReader reader, FacetOrdinals ordinals, string field, MatchSet matches, int ignoredFilter, int size)
    {
        using var tally = Tally(reader, ordinals, field, matches, ignoredFilter);
        return tally is null ? [] : TopValues(reader, ordinals, field, tally, size);
    }

    /// <summary>
    /// Every value of <paramref name="field"/> the kept matches carry, with its count, as UTF-8 bytes in no order:
    /// a shard's part of an exact facet count over shards. Values are looked up, never decoded or sorted here.
    /// </summary>
    public static (List<byte[]> Values, List<int> Counts) CountAll(IndexReader reader, FacetOrdinals ordinals, string field, MatchSet matches, int ignoredFilter)
    {
        var values = new List<byte[]>();
        var counts = new List<int>();
        using var tally = Tally(reader, ordinals, field, matches, ignoredFilter);
        if (tally is null)
        {
            return (values, counts);
        }

        var bytes = new BytesRef();
        var lookup = new ValueLookup(reader, ordinals, field);
        var slotToGlobal = ordinals.SlotToGlobal(IndexOf(field));
        foreach (var slot in tally.Touched())
        {
            lookup.Find(slotToGlobal[slot], bytes);
            values.Add(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray());
            counts.Add(tally.CountOf(slot));
        }

        return (values, counts);
    }

    /// <summary>The top values (as the other Count) of the speaker facet with each alias's count folded into its canonical name (#22).</summary>
    public static IReadOnlyList<FacetValue> Count(IndexReader reader, FacetOrdinals ordinals, string field, MatchSet matches, int ignoredFilter, int size,
        SpeakerAliasSlots aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        using var tally = Tally(reader, ordinals, field, matches, ignoredFilter);
        if (tally is null)
        {
            return [];
        }

        aliases.Fold(tally);
        return TopValues(reader, ordinals, field, tally, size);
    }

    /// <summary>
    /// The counts of <paramref name="field"/> per counting slot over the kept matches (the caller disposes it);
    /// null when the field has no value in this reader. A slot is a value of the reader (see
    /// <see cref="FacetOrdinals"/>); <see cref="TopValues"/> names them.
    /// </summary>
    public static FacetTally? Tally(IndexReader reader, FacetOrdinals ordinals, string field, MatchSet matches, int ignoredFilter)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(ordinals);
        ArgumentNullException.ThrowIfNull(matches);
        var facet = IndexOf(field);
        var globalCount = ordinals.ValueCount(facet);
        if (globalCount == 0)
        {
            return null;
        }

        var tally = new FacetTally(globalCount);
        for (var leaf = 0; leaf < reader.Leaves.Count; leaf++)
        {
            if (ordinals.Segment(leaf).For(facet) is { } values)
            {
                CountLeaf(values, ordinals.ToSlot(leaf, facet)!, matches, leaf, ignoredFilter, tally);
            }
        }

        return tally;
    }

    /// <summary>The top <paramref name="size"/> values of a <see cref="Tally"/>, by count (descending) then value.</summary>
    public static IReadOnlyList<FacetValue> TopValues(IndexReader reader, FacetOrdinals ordinals, string field, FacetTally tally, int size)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(ordinals);
        // Ties go to the lower global ordinal, which is value order.
        var facet = IndexOf(field);
        var slotToGlobal = ordinals.SlotToGlobal(facet);
        var top = tally.Top(size, slotToGlobal);
        var result = new List<FacetValue>(top.Count);
        var bytes = new BytesRef();
        var lookup = new ValueLookup(reader, ordinals, field);
        foreach (var slot in top)
        {
            var name = ordinals.NameOf(facet, slot);
            if (name is null)
            {
                lookup.Find(slotToGlobal[slot], bytes);
                name = bytes.Utf8ToString();
            }

            result.Add(new FacetValue(name, tally.CountOf(slot)));
        }

        return result;
    }

    internal static int IndexOf(string field)
    {
        var all = FacetDefinition.All;
        for (var f = 0; f < all.Count; f++)
        {
            if (all[f].Field == field)
            {
                return f;
            }
        }

        throw new ArgumentException($"'{field}' is not a facet field.", nameof(field));
    }

    /// <summary>Adds one leaf's kept matches to <paramref name="tally"/>, in counting slots.</summary>
    private static void CountLeaf(SegmentFacetField values, int[] toSlot, MatchSet matches, int leaf, int ignoredFilter, FacetTally tally)
    {
        var docs = matches.Matches(leaf);
        var words = docs.GetBits();
        var wordCount = (docs.Length + 63) >> 6;
        var filtered = matches.IsFiltered(leaf, ignoredFilter);
        if (values.DocOrds is { } docOrds)
        {
            // Slot 0 counts documents without a value, so the loop has no branch for them.
            var local = ArrayPool<int>.Shared.Rent(values.ValueCount + 1);
            Array.Clear(local, 0, values.ValueCount + 1);
            for (var w = 0; w < wordCount; w++)
            {
                for (var word = words[w]; word != 0; word &= word - 1)
                {
                    var doc = (w << 6) + BitOperations.TrailingZeroCount(word);
                    if (!filtered || matches.IsKept(leaf, doc, ignoredFilter))
                    {
                        local[docOrds[doc] + 1]++;
                    }
                }
            }

            for (var ord = 0; ord < values.ValueCount; ord++)
            {
                if (local[ord + 1] != 0)
                {
                    tally.Add(toSlot[ord], local[ord + 1]);
                }
            }

            ArrayPool<int>.Shared.Return(local);
            return;
        }

        var offsets = values.Offsets!;
        var ords = values.Ords!;
        for (var w = 0; w < wordCount; w++)
        {
            for (var word = words[w]; word != 0; word &= word - 1)
            {
                var doc = (w << 6) + BitOperations.TrailingZeroCount(word);
                if (filtered && !matches.IsKept(leaf, doc, ignoredFilter))
                {
                    continue;
                }

                for (int i = offsets[doc], end = offsets[doc + 1]; i < end; i++)
                {
                    tally.Add(toSlot[ords[i]]);
                }
            }
        }
    }

    /// <summary>Finds a global ordinal's bytes in the first segment that holds it.</summary>
    private readonly struct ValueLookup(IndexReader reader, FacetOrdinals ordinals, string field)
    {
        private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[reader.Leaves.Count];
        private readonly MultiDocValues.OrdinalMap? _map = ordinals.For(field);

        public void Find(int globalOrd, BytesRef bytes)
        {
            var segment = _map is null ? 0 : _map.GetFirstSegmentNumber(globalOrd);
            var segmentOrd = _map is null ? globalOrd : _map.GetFirstSegmentOrd(globalOrd);
            var values = _values[segment] ??= reader.Leaves[segment].AtomicReader.GetSortedSetDocValues(field);
            values!.LookupOrd(segmentOrd, bytes);
        }
    }
}
