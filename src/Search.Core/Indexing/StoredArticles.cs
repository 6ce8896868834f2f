using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// Reads back what the index keeps of one article: its result card, its body, or the whole article. Every
/// reader of article text goes through here, so the layout lives in one place. Articles indexed since
/// <see cref="ArticleFields.Card"/> and <see cref="ArticleFields.BodyText"/> exist are read from those doc
/// values; older ones (an index built before, or merged from older segments) from their stored fields, checked
/// per document, so an old index keeps working and becomes faster as it is rebuilt or its articles rewritten.
/// </summary>
public static class StoredArticles
{
    /// <summary>Stored fields a card is made of, for documents indexed before the card.</summary>
    private static readonly ISet<string> CardFields = new HashSet<string>
    {
        ArticleFields.Id, ArticleFields.Title, ArticleFields.Url, ArticleFields.Outlet,
        ArticleFields.Speaker, ArticleFields.Published,
    };

    private static readonly ISet<string> BodyOnly = new HashSet<string> { ArticleFields.Body };

    /// <summary>The result card of document <paramref name="docId"/> of <paramref name="reader"/> (top-level doc id).</summary>
    public static ResultCard ReadCard(IndexReader reader, int docId)
    {
        var (leaf, doc) = Locate(reader, docId);
        if (ReadValue(leaf, ArticleFields.Card, doc) is { } card)
        {
            return ResultCard.Decode(card.Bytes.AsSpan(card.Offset, card.Length));
        }

        var article = ArticleDocumentMapper.ToArticle(leaf.Document(doc, CardFields), body: "");
        return ResultCard.Of(article);
    }

    /// <summary>The body of document <paramref name="docId"/> ("" when it has none).</summary>
    public static string ReadBody(IndexReader reader, int docId)
    {
        var (leaf, doc) = Locate(reader, docId);
        return ReadBody(leaf, doc);
    }

    /// <summary>The body of segment document <paramref name="doc"/> of <paramref name="leaf"/>.</summary>
    public static string ReadBody(AtomicReader leaf, int doc) =>
        ReadValue(leaf, ArticleFields.BodyText, doc) is { } text
            ? Encoding.UTF8.GetString(text.Bytes, text.Offset, text.Length)
            : leaf.Document(doc, BodyOnly).Get(ArticleFields.Body, CultureInfo.InvariantCulture) ?? "";

    /// <summary>The whole article: stored fields (quotes and sources included) and its body.</summary>
    public static Article ReadArticle(IndexReader reader, int docId)
    {
        var (leaf, doc) = Locate(reader, docId);
        return ArticleDocumentMapper.ToArticle(leaf.Document(doc), ReadBody(leaf, doc));
    }

    /// <summary>The doc value of <paramref name="field"/> for <paramref name="doc"/>, or null when the document has none.</summary>
    private static BytesRef? ReadValue(AtomicReader leaf, string field, int doc)
    {
        // Both lookups are cached by the segment reader (per thread), so this is a map lookup, not a load.
        if (leaf.GetBinaryDocValues(field) is not { } values || leaf.GetDocsWithField(field) is not { } present || !present.Get(doc))
        {
            return null;
        }

        var bytes = new BytesRef();
        values.Get(doc, bytes);
        return bytes;
    }

    private static (AtomicReader Leaf, int Doc) Locate(IndexReader reader, int docId)
    {
        var leaves = reader.Leaves;
        var context = leaves[ReaderUtil.SubIndex(docId, leaves)];
        return (context.AtomicReader, docId - context.DocBase);
    }
}
