using Search.Core.Articles;

namespace Search.Api.Endpoints;

/// <summary>A whole article as clients see it.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Url">Where it was published, when known.</param>
/// <param name="Title">Headline, or null.</param>
/// <param name="Body">Clean body text (paragraphs separated by newlines).</param>
/// <param name="Outlet">Publication the copy comes from.</param>
/// <param name="Sources">Outlets it credits or cites.</param>
/// <param name="Speakers">People quoted.</param>
/// <param name="Quotes">What each speaker is quoted as saying.</param>
/// <param name="Published">Publication day, when known.</param>
/// <param name="BodyHtml">With ?q=: the body as escaped HTML with the query's matches in &lt;mark&gt;.</param>
/// <remarks>Each quote says its source's kind (person or organization); the organisations that speak are listed apart.</remarks>
public sealed record ArticleResponse(
    string Id,
    string? Url,
    string? Title,
    string Body,
    string? Outlet,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Speakers,
    IReadOnlyList<Quote> Quotes,
    DateOnly? Published,
    string? BodyHtml)
{
    /// <summary>People who wrote it (its byline); agencies are in <see cref="Sources"/>.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Language of its text, ISO 639-1 ("en", "de"), or null when it could not be told.</summary>
    public string? Lang { get; init; }

    public static ArticleResponse From(Article article, string? bodyHtml) => new(
        article.Id, article.Url, article.Title, article.Body, article.Outlet, article.Sources,
        article.Speakers, article.Quotes, article.Published, bodyHtml)
    {
        Organizations = article.Organizations,
        Authors = article.Authors,
        Lang = article.Lang,
    };

    /// <summary>Organisations, publications and documents that speak in the article (#24).</summary>
    public IReadOnlyList<string> Organizations { get; init; } = [];
}
