using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>Maps an <see cref="Article"/> to its Lucene document and back. The only place that knows both.</summary>
public static class ArticleDocumentMapper
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>
    /// The first value Lucene cannot index whole, as (article field, UTF-8 bytes), or null. Outlets, speakers
    /// and sources are single terms and sorted-set doc values, the title a binary doc value: each is refused
    /// by Lucene past <see cref="IndexWriter.MAX_TERM_LENGTH"/> bytes, and only after the write was logged.
    /// Checked before logging so the write gets a 400 and the log never holds a write that cannot be applied.
    /// </summary>
    public static (string Field, int Bytes)? FindOversizedValue(Article article)
    {
        IEnumerable<(string Field, string? Value)> values =
        [
            ("title", article.Title),
            ("outlet", article.Outlet),
            .. article.Speakers.Select(s => ("speakers", (string?)s)),
            .. article.Sources.Select(s => ("sources", (string?)s)),
            .. article.Authors.Select(s => ("authors", (string?)s)),
        ];
        foreach (var (field, value) in values)
        {
            // Cheap bound first: a UTF-16 unit is at most 3 UTF-8 bytes.
            if (value is not null && value.Length * 3 > IndexWriter.MAX_TERM_LENGTH
                && System.Text.Encoding.UTF8.GetByteCount(value) is var bytes && bytes > IndexWriter.MAX_TERM_LENGTH)
            {
                return (field, bytes);
            }
        }

        return null;
    }

    public static Document ToDocument(Article article) => ToDocument(article, null);

    /// <summary>
    /// The article's document, made with the fields of <paramref name="reuse"/> where it has them (one per indexing
    /// thread, see <see cref="ReusableFields"/>): the same document, built faster, valid until the next call with the same instance.
    /// </summary>
    public static Document ToDocument(Article article, ReusableFields? reuse)
    {
        reuse?.BeginDocument();
        // The body is tokenized once for two fields: its words stemmed (body) and as written (spelling words).
        var body = SurfaceTokens.Analyse(article.Body);
        var doc = new Document
        {
            // Exact key for UpdateDocument/DeleteDocuments; stored because every result carries it.
            String(reuse, ArticleFields.Id, article.Id, Field.Store.YES),
            // Sorted doc values on the id break score ties, so a cursor names one place in the order.
            new SortedDocValuesField(ArticleFields.IdSort, new BytesRef(article.Id)),
            // Positions serve phrases; offsets let snippets mark matches without re-tokenising the body.
            reuse?.Stemmed(ArticleFields.Body, body, BodyType) ?? new Field(ArticleFields.Body, body.Stemmed(), BodyType),
            // The body's text is a doc value, not a stored field: snippets read one body without decompressing
            // the stored-fields chunk around it (see ResultCard). Uncompressed: about 1.4x the bytes on disk.
            new BinaryDocValuesField(ArticleFields.BodyText, new BytesRef(article.Body)),
            new BinaryDocValuesField(ArticleFields.Card, new BytesRef(ResultCard.Of(article).Encode())),
        };

        if (article.Url is not null)
        {
            // Stored only: nobody searches URLs by word, and StoredField costs no index space.
            doc.Add(new StoredField(ArticleFields.Url, article.Url));
        }

        if (article.Title is not null)
        {
            doc.Add(new TextField(ArticleFields.Title, article.Title, Field.Store.YES));
        }

        if (article.Outlet is not null)
        {
            AddKeyword(doc, ArticleFields.Outlet, ArticleFields.OutletKey, article.Outlet, reuse);
        }

        foreach (var source in article.Sources)
        {
            AddKeyword(doc, ArticleFields.Source, ArticleFields.SourceKey, source, reuse);
        }

        foreach (var speaker in article.Speakers)
        {
            AddKeyword(doc, ArticleFields.Speaker, ArticleFields.SpeakerKey, speaker, reuse);
        }

        foreach (var organization in article.Organizations)
        {
            AddKeyword(doc, ArticleFields.Organization, ArticleFields.OrganizationKey, organization, reuse);
        }

        foreach (var author in article.Authors)
        {
            AddKeyword(doc, ArticleFields.Author, ArticleFields.AuthorKey, author, reuse);
        }

        if (article.Lang is not null)
        {
            // One exact term: the filter and lang:xx; doc values for the facet; stored for the article view.
            doc.Add(String(reuse, ArticleFields.Lang, article.Lang, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(ArticleFields.Lang, new BytesRef(article.Lang)));
        }

        foreach (var quote in article.Quotes)
        {
            // One value per quote; the position gap between values keeps a phrase from spanning two quotes.
            doc.Add(new TextField(ArticleFields.Quote, quote.Text, Field.Store.NO));
        }

        if (article.Quotes.Count > 0)
        {
            doc.Add(new StoredField(ArticleFields.QuotesJson, JsonSerializer.Serialize(article.Quotes)));
        }

        AddSuggestionAndStoryFields(doc, article, body, reuse);

        if (article.Published is { } day)
        {
            var days = day.DayNumber;
            // Indexed int (trie) for range filters; numeric doc values for sorting by date.
            doc.Add(reuse?.Int32(ArticleFields.PublishedDays, days) ?? new Int32Field(ArticleFields.PublishedDays, days, Field.Store.NO));
            doc.Add(new NumericDocValuesField(ArticleFields.PublishedDays, days));
            doc.Add(new StoredField(ArticleFields.Published, day.ToString(DayFormat, CultureInfo.InvariantCulture)));
            doc.Add(new SortedSetDocValuesField(ArticleFields.PublishedMonth,
                new BytesRef(day.ToString("yyyy-MM", CultureInfo.InvariantCulture))));
        }

        return doc;
    }

    /// <summary>Surface words for spelling suggestions and the story fingerprint that groups wire copies.</summary>
    private static void AddSuggestionAndStoryFields(Document doc, Article article, SurfaceTokens body, ReusableFields? reuse)
    {
        // Docs only, no norms: the suggester needs each word's document frequency, nothing more.
        if (article.Title is not null)
        {
            doc.Add(new Field(ArticleFields.Words, article.Title, SurfaceWordsType));
            doc.Add(new BinaryDocValuesField(ArticleFields.TitleValue, new BytesRef(article.Title)));
        }

        doc.Add(reuse?.Surface(ArticleFields.Words, body, SurfaceWordsType) ?? new Field(ArticleFields.Words, body.Surface(), SurfaceWordsType));
        if (StoryFingerprint.Compute(article.Body) is { } signature)
        {
            doc.Add(new BinaryDocValuesField(ArticleFields.StorySignature, new BytesRef(StoryFingerprint.ToBytes(signature))));
        }
    }

    private static readonly FieldType SurfaceWordsType = CreateSurfaceWordsType();

    private static readonly FieldType BodyType = CreateBodyType();

    private static FieldType CreateBodyType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }

    private static FieldType CreateSurfaceWordsType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            OmitNorms = true,
            IndexOptions = IndexOptions.DOCS_ONLY,
        };
        type.Freeze();
        return type;
    }

    /// <summary>
    /// A keyword is indexed twice: analysed text (searchable by any word of the name, case-insensitive)
    /// and an exact key with sorted-set doc values (filters and facet counts).
    /// </summary>
    private static void AddKeyword(Document doc, string textField, string keyField, string value, ReusableFields? reuse)
    {
        doc.Add(new TextField(textField, value, Field.Store.YES));
        doc.Add(String(reuse, keyField, value, Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(keyField, new BytesRef(value)));
    }

    private static StringField String(ReusableFields? reuse, string name, string value, Field.Store store) =>
        reuse?.String(name, value, store) ?? new StringField(name, value, store);

    /// <summary>Reads a stored document back into an article (quotes included when stored).</summary>
    /// <param name="doc">The stored fields.</param>
    /// <param name="body">The body (see <see cref="StoredArticles.ReadBody(IndexReader, int)"/>); null takes the
    /// stored body of an index built before <see cref="ArticleFields.BodyText"/>, or "".</param>
    public static Article ToArticle(Document doc, string? body = null)
    {
        var quotesJson = doc.Get(ArticleFields.QuotesJson, CultureInfo.InvariantCulture);
        var quotes = quotesJson is null ? [] : JsonSerializer.Deserialize<List<Quote>>(quotesJson) ?? [];
        var published = doc.Get(ArticleFields.Published, CultureInfo.InvariantCulture);
        return new Article(
            Id: doc.Get(ArticleFields.Id, CultureInfo.InvariantCulture),
            Url: doc.Get(ArticleFields.Url, CultureInfo.InvariantCulture),
            Title: doc.Get(ArticleFields.Title, CultureInfo.InvariantCulture),
            Body: body ?? doc.Get(ArticleFields.Body, CultureInfo.InvariantCulture) ?? "",
            Outlet: doc.Get(ArticleFields.Outlet, CultureInfo.InvariantCulture),
            Sources: doc.GetValues(ArticleFields.Source, CultureInfo.InvariantCulture) ?? [],
            Speakers: doc.GetValues(ArticleFields.Speaker, CultureInfo.InvariantCulture) ?? [],
            Quotes: quotes,
            Published: published is null ? null : DateOnly.ParseExact(published, DayFormat, CultureInfo.InvariantCulture))
        {
            Organizations = doc.GetValues(ArticleFields.Organization, CultureInfo.InvariantCulture) ?? [],
            Authors = doc.GetValues(ArticleFields.Author, CultureInfo.InvariantCulture) ?? [],
            Lang = doc.Get(ArticleFields.Lang, CultureInfo.InvariantCulture),
        };
    }
}
