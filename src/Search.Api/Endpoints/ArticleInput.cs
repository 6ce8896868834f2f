using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>An article to store: page text (or HTML) and any fields already known. Given fields win.</summary>
/// <param name="Text">Page text as copied from the web (menus, comments and all).</param>
/// <param name="Html">An HTML page, instead of text.</param>
/// <param name="Id">Id to store it under; derived from the URL (or the text) when missing.</param>
/// <param name="Url">Where it was published.</param>
/// <param name="Title">Headline, if known.</param>
/// <param name="Outlet">Publication, if known.</param>
/// <param name="Published">Publication day, yyyy-MM-dd.</param>
/// <param name="Speakers">People quoted, if known.</param>
public sealed record ArticleInput(
    string? Text,
    string? Html,
    string? Id,
    string? Url,
    string? Title,
    string? Outlet,
    string? Published,
    IReadOnlyList<string>? Speakers)
{
    /// <summary>The raw article for the ingest path; <paramref name="routeId"/> (PUT) wins over the body's id.</summary>
    public RawArticle ToRawArticle(string? routeId = null)
    {
        var text = Text ?? Html ?? "";
        var published = default(DateOnly);
        if (Published is not null && !DayParser.TryParseIso(Published, out published))
        {
            throw new ArticleWriteException("published", $"published must be a date written yyyy-MM-dd; got '{Published}'.");
        }

        if (Speakers is not null)
        {
            for (var i = 0; i < Speakers.Count; i++)
            {
                // JSON [null] binds as a null element whatever the declared type says.
                if (string.IsNullOrWhiteSpace(Speakers[i]))
                {
                    throw new ArticleWriteException("speakers", $"speakers[{i}] is {(Speakers[i] is null ? "null" : "empty")}; give each speaker's name as a string.");
                }
            }
        }

        if (routeId is not null && Id is not null && Id != routeId)
        {
            throw new ArticleWriteException("id", $"The body's id '{Id}' differs from the URL's id '{routeId}'.");
        }

        return new RawArticle
        {
            Id = routeId ?? Id ?? ArticleIds.Derive(Url, text),
            Text = Text ?? "",
            Html = Text is null ? Html : null,
            Url = Url,
            Title = Title,
            Outlet = Outlet,
            Published = Published is null ? null : published,
            Speakers = Speakers is { Count: > 0 } ? Speakers : null,
        };
    }
}
