using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Indexing;

/// <summary>
/// Reads one document's exact keys (sources, authors, language) from their sorted-set doc values: a seek into
/// column data, no stored-fields chunk decompressed. Values come in byte order, not the article's.
/// </summary>
public static class DocValueKeys
{
    /// <summary>The values of <paramref name="field"/> for top-level document <paramref name="docId"/> of <paramref name="reader"/>.</summary>
    public static IReadOnlyList<string> Read(IndexReader reader, int docId, string field)
    {
        var leaves = reader.Leaves;
        var context = leaves[ReaderUtil.SubIndex(docId, leaves)];
        return Read(context.AtomicReader, docId - context.DocBase, field);
    }

    /// <summary>The values of <paramref name="field"/> for segment document <paramref name="doc"/> of <paramref name="leaf"/>.</summary>
    public static IReadOnlyList<string> Read(AtomicReader leaf, int doc, string field)
    {
        // Cached per segment reader and thread: a lookup, not a load.
        if (leaf.GetSortedSetDocValues(field) is not { } values)
        {
            return [];
        }

        values.SetDocument(doc);
        List<string>? found = null;
        var bytes = new BytesRef();
        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
        {
            values.LookupOrd(ord, bytes);
            (found ??= []).Add(bytes.Utf8ToString());
        }

        return found ?? (IReadOnlyList<string>)[];
    }
}
