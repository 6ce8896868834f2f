namespace Search.Core.Articles;

/// <summary>
/// One article as it arrives: page text (or HTML) plus whatever metadata came with it.
/// Given fields win over extracted ones; extraction fills the rest.
/// </summary>
public sealed record RawArticle
{
    public required string Id { get; init; }

    /// <summary>Plain page text, as copied from a browser (empty when only <see cref="Html"/> is given).</summary>
    public required string Text { get; init; }

    /// <summary>The page's HTML, when the article came as markup; the parser then reads text and metadata from it.</summary>
    public string? Html { get; init; }

    public string? Url { get; init; }

    /// <summary>The host the copy was published on (e.g. "example.com"), when known but no URL is.</summary>
    public string? Site { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>People quoted, when given: they replace the extracted speakers.</summary>
    public IReadOnlyList<string>? Speakers { get; init; }

    /// <summary>Outlets the article credits or cites, when given: they replace the extracted ones.</summary>
    public IReadOnlyList<string>? Sources { get; init; }

    /// <summary>People who wrote it, when given: they replace the byline's.</summary>
    public IReadOnlyList<string>? Authors { get; init; }
}
