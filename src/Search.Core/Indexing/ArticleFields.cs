namespace Search.Core.Indexing;

/// <summary>Names of the Lucene fields of an article document, and which of them users may query.</summary>
public static class ArticleFields
{
    /// <summary>Exact id (StringField, stored): the key of updates and deletes.</summary>
    public const string Id = "id";

    /// <summary>Sortable copy of the id: the tie-breaker that makes cursors stable.</summary>
    public const string IdSort = "id_sort";

    public const string Url = "url";

    /// <summary>Headline, English-analysed, stored (results show it).</summary>
    public const string Title = "title";

    /// <summary>
    /// Clean body, English-analysed with character offsets in its postings (snippets mark matches without
    /// re-tokenising). Its text is kept in <see cref="BodyText"/>; indexes built before that field stored it here.
    /// </summary>
    public const string Body = "body";

    /// <summary>
    /// The body's text as binary doc values (UTF-8): snippets and the article view read one document's body
    /// without decompressing a stored-fields chunk.
    /// </summary>
    public const string BodyText = "body_text";

    /// <summary>What a result shows (id, headline, URL, outlet, speakers, day) in one binary doc value: see <see cref="ResultCard"/>.</summary>
    public const string Card = "card";

    /// <summary>Outlet name, analysed for search by name ("outlet:wire" finds "Daily Wire").</summary>
    public const string Outlet = "outlet";

    /// <summary>Exact outlet value: filters and the outlet facet (doc values).</summary>
    public const string OutletKey = "outlet_key";

    /// <summary>Credited and cited sources, analysed for search.</summary>
    public const string Source = "source";

    /// <summary>Exact credited sources: filters and facet.</summary>
    public const string SourceKey = "source_key";

    /// <summary>Speaker names, analysed for search by name.</summary>
    public const string Speaker = "speaker";

    /// <summary>Exact speaker values: filters and the speaker facet.</summary>
    public const string SpeakerKey = "speaker_key";

    /// <summary>Organisations that speak (#24), analysed for search by name.</summary>
    public const string Organization = "organization";

    /// <summary>Exact organisation values: filters and the organization facet.</summary>
    public const string OrganizationKey = "organization_key";
    /// <summary>Author names from the byline, analysed for search by name (<c>author:"Matt Dennien"</c>); stored in byline order.</summary>
    public const string Author = "author";

    /// <summary>Exact author values: filters and the author facet.</summary>
    public const string AuthorKey = "author_key";

    /// <summary>
    /// ISO 639-1 language code ("en", "de"): one exact term (filters, <c>lang:de</c>), sorted-set doc values (the
    /// facet), stored.
    /// </summary>
    public const string Lang = "lang";

    /// <summary>Quoted words only (direct and reported), English-analysed.</summary>
    public const string Quote = "quote";

    /// <summary>Quotes with speakers, stored as JSON for the article view.</summary>
    public const string QuotesJson = "quotes_json";

    /// <summary>Publication day as days since 0001-01-01: range filters (indexed int) and sorting (doc values).</summary>
    public const string PublishedDays = "published_days";

    /// <summary>Publication day "yyyy-MM-dd", stored for display.</summary>
    public const string Published = "published";

    /// <summary>Publication month "yyyy-MM": the by-month facet.</summary>
    public const string PublishedMonth = "published_month";

    /// <summary>
    /// Title and body words, lowercased and folded but not stemmed, indexed without frequencies or
    /// positions: the surface vocabulary that spelling suggestions are drawn from ("olympics", not "olymp").
    /// </summary>
    public const string Words = "words";

    /// <summary>The headline as binary doc values: autocomplete reads every title without decompressing stored bodies.</summary>
    public const string TitleValue = "title_value";

    /// <summary>MinHash signature of the body's word shingles (binary doc values): finds copies of one story.</summary>
    public const string StorySignature = "story_signature";

    /// <summary>Fields a user may name in a query (<c>field:value</c>).</summary>
    public static readonly IReadOnlySet<string> Queryable = new HashSet<string>(StringComparer.Ordinal)
    {
        Title, Body, Outlet, Speaker, Quote, Source, Published, Organization, Author, Lang,
    };

    /// <summary>Fields searched when the query names none, with their boosts.</summary>
    public static readonly IReadOnlyDictionary<string, float> DefaultFieldBoosts = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        // A word in the headline says more about the article than the same word in the body.
        [Title] = 2.0f,
        [Body] = 1.0f,
    };
}
