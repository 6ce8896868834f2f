using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Search.Api.Endpoints;

/// <summary>The query string of GET /export: the filters and query of /search, plus the format and the fields.</summary>
/// <remarks>Init properties, not a positional record: see <see cref="SearchParameters"/>.</remarks>
public sealed record ExportParameters : ISearchFilterParameters
{
    [FromQuery(Name = "q")]
    [Description("Query text (Lucene classic syntax), as in /search. Empty: all articles.")]
    public string? Q { get; init; }

    [FromQuery(Name = "outlet")]
    [Description("Keep these outlets (repeatable).")]
    public string[]? Outlet { get; init; }

    [FromQuery(Name = "speaker")]
    [Description("Keep articles quoting these speakers (repeatable).")]
    public string[]? Speaker { get; init; }

    [FromQuery(Name = "source")]
    [Description("Keep articles crediting or citing these outlets (repeatable).")]
    public string[]? Source { get; init; }

    [FromQuery(Name = "organization")]
    [Description("Keep articles where these organisations speak (repeatable).")]
    public string[]? Organization { get; init; }

    [FromQuery(Name = "author")]
    [Description("Keep articles written by these authors (repeatable).")]
    public string[]? Author { get; init; }

    [FromQuery(Name = "lang")]
    [Description("Keep articles in these languages (repeatable; ISO 639-1).")]
    public string[]? Lang { get; init; }

    [FromQuery(Name = "from")]
    [Description("First publication day, yyyy-MM-dd, inclusive.")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Last publication day, yyyy-MM-dd, inclusive.")]
    public string? To { get; init; }

    [FromQuery(Name = "sort")]
    [Description("relevance (default), newest or oldest; ties by id.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "op")]
    [Description("How words without AND/OR combine: and (default) or or.")]
    public string? Op { get; init; }

    [FromQuery(Name = "expand")]
    [Description("none (default) or prf, as in /search (reorders, never changes the rows).")]
    public string? Expand { get; init; }

    [FromQuery(Name = "format")]
    [Description("csv (default: RFC 4180 with a header row) or ndjson (one JSON object per line).")]
    public string? Format { get; init; }

    [FromQuery(Name = "fields")]
    [Description("Comma-separated columns, in order. Default and choices: id,url,title,outlet,published,speakers,sources,authors,lang.")]
    public string? Fields { get; init; }
}
