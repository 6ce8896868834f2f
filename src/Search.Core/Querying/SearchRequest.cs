using Search.Core.Querying.Timeline;
using Search.Core.Querying.Trending;

namespace Search.Core.Querying;

/// <summary>A search: query text in Lucene classic syntax, filters, order and the page wanted.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record SearchRequest
{
    /// <summary>Query text; null or blank matches every article.</summary>
    public string? Query { get; init; }

    /// <summary>Keep articles from any of these outlets (exact facet values).</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    /// <summary>Keep articles quoting any of these speakers (exact facet values).</summary>
    public IReadOnlyList<string> Speakers { get; init; } = [];

    /// <summary>Keep articles crediting or citing any of these outlets (exact facet values).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Keep articles where any of these organisations speak (exact facet values).</summary>
    public IReadOnlyList<string> Organizations { get; init; } = [];

    /// <summary>Keep articles written by any of these authors (exact facet values).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Keep articles in any of these languages (ISO 639-1 codes).</summary>
    public IReadOnlyList<string> Langs { get; init; } = [];

    /// <summary>First publication day kept, inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last publication day kept, inclusive.</summary>
    public DateOnly? To { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public DefaultOperator Operator { get; init; } = DefaultOperator.And;

    /// <summary>1-based page number (ignored when <see cref="After"/> is given).</summary>
    public int Page { get; init; } = 1;

    public int Size { get; init; } = 10;

    /// <summary>Cursor from the previous page's response: the next page starts after it.</summary>
    public string? After { get; init; }

    /// <summary>Whether to count facet values (the sidebar); programs that only page can skip it.</summary>
    public bool IncludeFacets { get; init; } = true;

    /// <summary>
    /// One hit per story: copies of the same story (wire republications, reposts) among the matches are
    /// folded into their best-ranked member, which carries how many copies matched and their outlets.
    /// </summary>
    public bool CollapseStories { get; init; }

    /// <summary>
    /// Query expansion for relevance-ranked plain-word queries: <see cref="QueryExpansion.Prf"/> adds words
    /// of the top results (pseudo-relevance feedback). It reorders the matches and never changes them.
    /// </summary>
    public QueryExpansion Expansion { get; init; } = QueryExpansion.None;

    /// <summary>Bucket width of the coverage timeline over every match; null: no timeline.</summary>
    public HistogramInterval? Histogram { get; init; }

    /// <summary><see cref="TermsMode.Significant"/>: report the words and pairs unusually frequent in the top matches.</summary>
    public TermsMode Terms { get; init; } = TermsMode.None;

    /// <summary>The values this request keeps for the term facet <paramref name="facet"/> (see <see cref="Facets.FacetDefinition"/>).</summary>
    public IReadOnlyList<string> ValuesOf(string facet) => facet switch
    {
        Facets.FacetDefinition.Outlet => Outlets,
        Facets.FacetDefinition.Speaker => Speakers,
        Facets.FacetDefinition.Source => Sources,
        Facets.FacetDefinition.Organization => Organizations,
        Facets.FacetDefinition.Author => Authors,
        Facets.FacetDefinition.Lang => Langs,
        _ => [],
    };
}
