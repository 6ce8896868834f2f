using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Querying.Stories;

/// <summary>
/// What one segment gives <see cref="StoryGroups"/>: each document's story signature and outlet, deleted
/// documents included (deletions are applied per reader). Segments never change, so this is read once per
/// segment core and reused by every later reader.
/// </summary>
public sealed class StorySegment
{
    private StorySegment(uint[]?[] signatures, string?[] outlets)
    {
        Signatures = signatures;
        Outlets = outlets;
    }

    /// <summary>The signature of each document, null when it has none.</summary>
    public IReadOnlyList<uint[]?> Signatures { get; }

    /// <summary>The (first) outlet of each document, null when it has none.</summary>
    public IReadOnlyList<string?> Outlets { get; }

    public static StorySegment Read(AtomicReader reader)
    {
        var signatures = new uint[]?[reader.MaxDoc];
        var values = reader.GetBinaryDocValues(ArticleFields.StorySignature);
        if (values is not null)
        {
            var bytes = new BytesRef();
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                values.Get(doc, bytes);
                signatures[doc] = StoryFingerprint.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
            }
        }

        return new StorySegment(signatures, ReadOutlets(reader));
    }

    private static string?[] ReadOutlets(AtomicReader reader)
    {
        var outlets = new string?[reader.MaxDoc];
        var values = reader.GetSortedSetDocValues(ArticleFields.OutletKey);
        if (values is null)
        {
            return outlets;
        }

        var names = new string?[values.ValueCount];
        var bytes = new BytesRef();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            values.SetDocument(doc);
            var ord = values.NextOrd();
            if (ord == SortedSetDocValues.NO_MORE_ORDS)
            {
                continue;
            }

            if (names[ord] is null)
            {
                values.LookupOrd(ord, bytes);
                names[ord] = bytes.Utf8ToString();
            }

            outlets[doc] = names[ord];
        }

        return outlets;
    }
}
