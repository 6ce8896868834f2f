namespace Search.Core.Articles;

/// <summary>
/// The one article JSON contract: a line of a JSON Lines file (the indexer), the body of POST and PUT /articles,
/// and a line of POST /articles/bulk are all read into this record by <see cref="ArticleRecordReader"/> and checked
/// by <see cref="ToRawArticle"/>, so a field means the same and fails the same way on every path. Members carry the
/// canonical names; the reader maps the aliases (<c>body</c>, <c>date</c>, <c>source</c>) onto them.
/// </summary>
public sealed record ArticleRecord
{
    /// <summary>Id to store it under (a string, or a JSON number read as its digits); derived when missing.</summary>
    public string? Id { get; init; }

    /// <summary>Page text as copied from the web (menus, comments and all). Alias: <c>body</c>.</summary>
    public string? Text { get; init; }

    /// <summary>An HTML page, instead of text (text wins when both are given).</summary>
    public string? Html { get; init; }

    /// <summary>Where it was published.</summary>
    public string? Url { get; init; }

    /// <summary>Headline, if known.</summary>
    public string? Title { get; init; }

    /// <summary>Publication, if known.</summary>
    public string? Outlet { get; init; }

    /// <summary>
    /// Publication day: yyyy-MM-dd, a timestamp that starts with one (its offset ignored), or a date written out
    /// ("March 3, 2022"). Alias: <c>date</c>.
    /// </summary>
    public string? Published { get; init; }

    /// <summary>People quoted, if known: they replace the extracted speakers.</summary>
    public IReadOnlyList<string>? Speakers { get; init; }

    /// <summary>Outlets the article credits or cites, if known: they replace the extracted ones. Alias: <c>source</c> (one name or a list).</summary>
    public IReadOnlyList<string>? Sources { get; init; }

    /// <summary>People who wrote it, if known: they replace the byline's. A comma-separated string is read as a list.</summary>
    public IReadOnlyList<string>? Authors { get; init; }

    /// <summary>
    /// Checks the record and makes the raw article the ingest path extracts. The id is <paramref name="routeId"/>
    /// (PUT /articles/{id}; the body's id must then agree), else the record's, else <paramref name="defaultId"/>,
    /// else one derived from the URL (or the text).
    /// </summary>
    /// <exception cref="ArticleWriteException">A field is invalid; the exception names it.</exception>
    public RawArticle ToRawArticle(string? routeId = null, string? defaultId = null)
    {
        DateOnly? published = null;
        if (Published is not null)
        {
            published = DayParser.ParseLenient(Published)
                ?? throw new ArticleWriteException("published", $"published must be a date written yyyy-MM-dd; got '{Published}'.");
        }

        CheckNames("speakers", "speaker", Speakers);
        CheckNames("sources", "outlet", Sources);
        CheckNames("authors", "author", Authors);
        if (routeId is not null && Id is not null && Id != routeId)
        {
            throw new ArticleWriteException("id", $"The body's id '{Id}' differs from the URL's id '{routeId}'.");
        }

        // Text wins over html when both are given; blank text does not count as given.
        var useText = !string.IsNullOrWhiteSpace(Text) || Html is null;
        var raw = new RawArticle
        {
            Id = routeId ?? Id ?? defaultId ?? ArticleIds.Derive(Url, (useText ? Text : Html) ?? ""),
            Text = useText ? Text ?? "" : "",
            Html = useText ? null : Html,
            Url = Url,
            Title = Title,
            Outlet = Outlet,
            Published = published,
            Speakers = Speakers is { Count: > 0 } ? Speakers : null,
            Sources = Sources is { Count: > 0 } ? Sources : null,
            // Data files quote some names ("\"Cortney OBrien\"" in AllSides): the quotes are not part of the name.
            Authors = Authors is { Count: > 0 } ? [.. Authors.Select(a => a.Trim().Trim('"', '“', '”').Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)] : null,
        };
        RawArticleValidator.Validate(raw);
        return raw;
    }

    private static void CheckNames(string field, string what, IReadOnlyList<string>? names)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(names![i]))
            {
                throw new ArticleWriteException(field, $"{field}[{i}] is {(names[i] is null ? "null" : "empty")}; give each {what}'s name as a string.");
            }
        }
    }
}
