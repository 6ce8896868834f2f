using Lucene.Net.Index;
using OrdinalMap = Lucene.Net.Index.MultiDocValues.OrdinalMap;

namespace Search.Core.Querying.Facets;

/// <summary>
/// The global ordinals of each facet field of one top-level reader, built when the reader is opened (see
/// <see cref="Search.Core.Indexing.Readers.ReaderContextFactory"/>), never on a request: an <see cref="OrdinalMap"/>
/// joining the segments' sorted-set ordinals (as Lucene's SortedSetDocValuesReaderState keeps; it finds a global
/// value's bytes), each segment's <see cref="SegmentFacetOrdinals"/> (read once per segment core and reused by later
/// readers), and per segment a plain segment ordinal → counting slot array, so counting maps an ordinal with one
/// array read. Slots number the reader's values by document frequency (most frequent first, ties by value), so
/// the counts a query touches most sit together at the front of the counting array instead of spread over the
/// ~131k speaker values in name order: fewer cache misses (the largest facet cost before). <see cref="SlotToGlobal"/>
/// turns a slot back into the global ordinal (value order). Those arrays cost the segments' value counts, not their
/// document counts. A single-segment reader needs no map (its ordinals are global).
/// </summary>
public sealed class FacetOrdinals
{
    private readonly Dictionary<string, OrdinalMap> _maps;
    private readonly SegmentFacetOrdinals[] _segments;
    private readonly int[]?[][] _toSlot;
    private readonly int[] _valueCounts;
    private readonly int[][] _slotToGlobal;
    private readonly string[][] _names;

    /// <summary>
    /// Values whose names are decoded when the reader opens, per facet: the most frequent ones (the first slots),
    /// which are the values top-N lists show, so a request rarely decodes a value from the doc-values dictionary.
    /// </summary>
    private const int NamedSlots = 512;

    private FacetOrdinals(Dictionary<string, OrdinalMap> maps, SegmentFacetOrdinals[] segments, int[]?[][] toSlot, int[] valueCounts, int[][] slotToGlobal,
        string[][] names)
    {
        _names = names;
        _maps = maps;
        _segments = segments;
        _toSlot = toSlot;
        _valueCounts = valueCounts;
        _slotToGlobal = slotToGlobal;
    }

    /// <summary>The map of <paramref name="field"/>; null when segment ordinals are global ones (one leaf).</summary>
    public OrdinalMap? For(string field) => _maps.GetValueOrDefault(field);

    /// <summary>Distinct values of facet <paramref name="facet"/> (index into <see cref="FacetDefinition.All"/>) over every segment.</summary>
    internal int ValueCount(int facet) => _valueCounts[facet];

    /// <summary>The facet arrays of leaf <paramref name="leaf"/>.</summary>
    internal SegmentFacetOrdinals Segment(int leaf) => _segments[leaf];

    /// <summary>Leaf <paramref name="leaf"/>'s segment ordinal → counting slot for facet <paramref name="facet"/>; null when the leaf has no value.</summary>
    internal int[]? ToSlot(int leaf, int facet) => _toSlot[leaf][facet];

    /// <summary>The value in counting slot <paramref name="slot"/> of facet <paramref name="facet"/> when it was decoded at open (a frequent value); null otherwise.</summary>
    internal string? NameOf(int facet, int slot) => slot < _names[facet].Length ? _names[facet][slot] : null;

    /// <summary>Counting slot → global ordinal (value order) of facet <paramref name="facet"/>.</summary>
    internal int[] SlotToGlobal(int facet) => _slotToGlobal[facet];

    /// <summary>Builds everything from the reader's segments, reading each segment's facet arrays.</summary>
    public static FacetOrdinals Build(IndexReader reader) =>
        Build(reader, [.. reader.Leaves.Select(leaf => SegmentFacetOrdinals.Read(leaf.AtomicReader))]);

    /// <summary>Builds the reader's maps over <paramref name="segments"/> (one per leaf, in leaf order, typically cached per segment core).</summary>
    public static FacetOrdinals Build(IndexReader reader, IReadOnlyList<SegmentFacetOrdinals> segments)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(segments);
        var maps = new Dictionary<string, OrdinalMap>(StringComparer.Ordinal);
        var leaves = reader.Leaves;
        var facets = FacetDefinition.All;
        var toGlobal = new int[]?[leaves.Count][];
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            toGlobal[leaf] = new int[]?[facets.Count];
        }

        var valueCounts = new int[facets.Count];
        var slotToGlobal = new int[facets.Count][];
        var names = new string[facets.Count][];
        for (var f = 0; f < facets.Count; f++)
        {
            OrdinalMap? map = null;
            if (leaves.Count > 1)
            {
                var subs = new TermsEnum[leaves.Count];
                for (var i = 0; i < leaves.Count; i++)
                {
                    var values = leaves[i].AtomicReader.GetSortedSetDocValues(facets[f].Field) ?? DocValues.EMPTY_SORTED_SET;
                    subs[i] = values.GetTermsEnum();
                }

                map = maps[facets[f].Field] = new OrdinalMap(reader.CoreCacheKey, subs);
                valueCounts[f] = (int)map.ValueCount;
            }
            else if (leaves.Count == 1)
            {
                valueCounts[f] = segments[0].For(f)?.ValueCount ?? 0;
            }

            // Document frequency per global ordinal, then slots in (frequency descending, ordinal) order.
            var frequency = new long[valueCounts[f]];
            for (var leaf = 0; leaf < leaves.Count; leaf++)
            {
                if (segments[leaf].For(f) is { } field)
                {
                    for (var ord = 0; ord < field.ValueCount; ord++)
                    {
                        frequency[map is null ? ord : (int)map.GetGlobalOrd(leaf, ord)] += field.DocCounts[ord];
                    }
                }
            }

            var keys = new long[frequency.Length];
            for (var globalOrd = 0; globalOrd < keys.Length; globalOrd++)
            {
                keys[globalOrd] = ((int.MaxValue - frequency[globalOrd]) << 32) | (uint)globalOrd;
            }

            Array.Sort(keys);
            var slots = slotToGlobal[f] = new int[keys.Length];
            var globalToSlot = new int[keys.Length];
            for (var slot = 0; slot < keys.Length; slot++)
            {
                slots[slot] = (int)(keys[slot] & 0xFFFF_FFFF);
                globalToSlot[slots[slot]] = slot;
            }

            names[f] = DecodeNames(leaves, facets[f].Field, map, slots, Math.Min(NamedSlots, slots.Length));
            for (var leaf = 0; leaf < leaves.Count; leaf++)
            {
                if (segments[leaf].For(f) is not { } field)
                {
                    continue;
                }

                var toSlot = new int[field.ValueCount];
                for (var ord = 0; ord < toSlot.Length; ord++)
                {
                    toSlot[ord] = globalToSlot[map is null ? ord : (int)map.GetGlobalOrd(leaf, ord)];
                }

                toGlobal[leaf][f] = toSlot;
            }
        }

        return new FacetOrdinals(maps, [.. segments], toGlobal, valueCounts, slotToGlobal, names);
    }

    /// <summary>The values of the first <paramref name="count"/> slots, each read from the first segment that holds it.</summary>
    private static string[] DecodeNames(IList<AtomicReaderContext> leaves, string field, OrdinalMap? map, int[] slotToGlobal, int count)
    {
        var names = new string[count];
        var values = new SortedSetDocValues?[leaves.Count];
        var bytes = new Lucene.Net.Util.BytesRef();
        for (var slot = 0; slot < count; slot++)
        {
            var globalOrd = slotToGlobal[slot];
            var segment = map is null ? 0 : map.GetFirstSegmentNumber(globalOrd);
            var segmentOrd = map is null ? globalOrd : map.GetFirstSegmentOrd(globalOrd);
            var docValues = values[segment] ??= leaves[segment].AtomicReader.GetSortedSetDocValues(field);
            docValues!.LookupOrd(segmentOrd, bytes);
            names[slot] = bytes.Utf8ToString();
        }

        return names;
    }
}
