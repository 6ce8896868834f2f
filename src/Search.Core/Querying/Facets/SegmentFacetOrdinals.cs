using Lucene.Net.Index;

namespace Search.Core.Querying.Facets;

/// <summary>
/// One segment's facet values as plain arrays, read once per segment core when a reader opens (see
/// <see cref="Search.Core.Indexing.Readers.ReaderContextFactory"/>) and shared by every later reader that keeps
/// the segment. Counting then reads an int per match instead of decoding Lucene's compressed doc values per
/// document (SetDocument/NextOrd, the largest part of facet time before #23). Single-valued fields (outlet,
/// month) are a dense document → ordinal array (-1: no value); multi-valued ones (speaker, source) are compact
/// ordinal lists: a document's ordinals are <c>Ords[Offsets[doc] .. Offsets[doc + 1]]</c>. Ordinals are the
/// segment's; <see cref="FacetOrdinals"/> maps them to the reader's global ones. Deleted documents are kept
/// (their rows are never read: matches hold live documents only). Immutable after construction.
/// </summary>
public sealed class SegmentFacetOrdinals
{
    private readonly SegmentFacetField?[] _fields;

    private SegmentFacetOrdinals(SegmentFacetField?[] fields) => _fields = fields;

    /// <summary>The arrays of facet <paramref name="facet"/> (index into <see cref="FacetDefinition.All"/>); null when the segment has no value.</summary>
    public SegmentFacetField? For(int facet) => _fields[facet];

    /// <summary>Reads every facet field of <paramref name="reader"/> (one segment).</summary>
    public static SegmentFacetOrdinals Read(AtomicReader reader)
    {
        var fields = new SegmentFacetField?[FacetDefinition.All.Count];
        for (var f = 0; f < fields.Length; f++)
        {
            fields[f] = ReadField(reader, FacetDefinition.All[f].Field);
        }

        return new SegmentFacetOrdinals(fields);
    }

    private static SegmentFacetField? ReadField(AtomicReader reader, string field)
    {
        var values = reader.GetSortedSetDocValues(field);
        if (values is null || values.ValueCount == 0)
        {
            return null;
        }

        var maxDoc = reader.MaxDoc;
        if (DocValues.UnwrapSingleton(values) is { } single)
        {
            var docOrds = new int[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                docOrds[doc] = single.GetOrd(doc);
            }

            var singleCounts = new int[values.ValueCount];
            foreach (var ord in docOrds)
            {
                if (ord >= 0)
                {
                    singleCounts[ord]++;
                }
            }

            return new SegmentFacetField((int)values.ValueCount, docOrds, null, null, singleCounts);
        }

        var offsets = new int[maxDoc + 1];
        var ords = new List<int>(maxDoc * 2);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            offsets[doc] = ords.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                ords.Add((int)ord);
            }
        }

        offsets[maxDoc] = ords.Count;
        var counts = new int[values.ValueCount];
        foreach (var ord in ords)
        {
            counts[ord]++;
        }

        return new SegmentFacetField((int)values.ValueCount, null, offsets, [.. ords], counts);
    }
}
