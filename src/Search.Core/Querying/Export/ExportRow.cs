namespace Search.Core.Querying.Export;

/// <summary>One matching article as GET /export writes it (the client picks which of these fields).</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Url">Where it was published, or null.</param>
/// <param name="Title">Headline, or null.</param>
/// <param name="Outlet">Publication, or null.</param>
/// <param name="Published">Publication day, or null.</param>
/// <param name="Speakers">People quoted, in the article's order.</param>
/// <param name="Sources">Outlets credited or cited, in byte order of their names.</param>
/// <param name="Authors">People who wrote it, in byte order of their names.</param>
/// <param name="Lang">ISO 639-1 language, or null.</param>
public sealed record ExportRow(
    string Id,
    string? Url,
    string? Title,
    string? Outlet,
    DateOnly? Published,
    IReadOnlyList<string> Speakers,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Authors,
    string? Lang);
