using Search.Core.Indexing;

namespace Search.Core.Querying.Facets;

/// <summary>
/// One facet as clients see it: its name (the /search parameter that filters it and the key of its counts),
/// the sorted-set doc-values field counted and filtered, and whether an article can hold several values.
/// </summary>
public sealed record FacetDefinition(string Name, string Field, bool MultiValued)
{
    public const string Outlet = "outlet";
    public const string Speaker = "speaker";
    public const string Published = "published";
    public const string Source = "source";
    public const string Organization = "organization";
    public const string Author = "author";
    public const string Lang = "lang";

    /// <summary>
    /// Every facet, in response order. The published facet counts months but filters by day range
    /// (from/to), so its filter is built apart from the term filters.
    /// </summary>
    public static IReadOnlyList<FacetDefinition> All { get; } =
    [
        new(Outlet, ArticleFields.OutletKey, MultiValued: false),
        new(Speaker, ArticleFields.SpeakerKey, MultiValued: true),
        new(Published, ArticleFields.PublishedMonth, MultiValued: false),
        new(Source, ArticleFields.SourceKey, MultiValued: true),
        new(Organization, ArticleFields.OrganizationKey, MultiValued: true),
        new(Author, ArticleFields.AuthorKey, MultiValued: true),
        new(Lang, ArticleFields.Lang, MultiValued: false),
    ];
}
