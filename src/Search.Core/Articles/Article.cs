namespace Search.Core.Articles;

/// <summary>
/// An article as the index sees it: the fields extracted from (or given with) one raw page.
/// </summary>
/// <param name="Id">Stable identifier: given by the source, else the file name without extension.</param>
/// <param name="Url">Where the copy was published, when known.</param>
/// <param name="Title">The headline, or null when the text has none.</param>
/// <param name="Body">The article's own text, without page furniture or comments.</param>
/// <param name="Outlet">The publication this copy comes from.</param>
/// <param name="Sources">Outlets the article credits or cites ("via X", "Source: X", "X reported").</param>
/// <param name="Speakers">People to whom statements are attributed, in their fullest form.</param>
/// <param name="Quotes">What each speaker is quoted as saying.</param>
/// <param name="Published">Publication day, when known.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record Article(
    string Id,
    string? Url,
    string? Title,
    string Body,
    string? Outlet,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Speakers,
    IReadOnlyList<Quote> Quotes,
    DateOnly? Published)
{
    /// <summary>The outlet the text itself says it comes from ("via X", "Source: X"), or null.</summary>
    public string? Credit { get; init; }

    /// <summary>
    /// Organisations, publications and documents to which statements are attributed ("the Kremlin said"),
    /// apart from the people in <see cref="Speakers"/>; their quotes say <see cref="Quote.OrganizationKind"/>.
    /// </summary>
    public IReadOnlyList<string> Organizations { get; init; } = [];

    /// <summary>People who wrote it, from its byline ("By Matt Dennien") or as given; agencies are never authors.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Language of the title and body as an ISO 639-1 code ("en", "de"), or null when the text is too short to tell.</summary>
    public string? Lang { get; init; }
}
