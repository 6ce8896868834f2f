using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Search.Api.Endpoints;

/// <summary>The query string of GET /search, as given (parsed and checked by <see cref="SearchEndpoints"/>).</summary>
/// <remarks>
/// Init properties, not a positional record: for a constructor parameter, ASP.NET Core 10's
/// <c>[AsParameters]</c> merges the parameter's and the property's attributes into a plain <c>Attribute[]</c>,
/// and the OpenAPI generator's <c>GetCustomAttributes&lt;DescriptionAttribute&gt;()</c> then fails to cast it
/// (dotnet/aspnetcore#65348): /openapi/v1.json answered 500. Properties alone are read as they are.
/// </remarks>
public sealed record SearchParameters : ISearchFilterParameters
{
    [FromQuery(Name = "q")]
    [Description("Query text (Lucene classic syntax). Empty: all articles.")]
    public string? Q { get; init; }

    [FromQuery(Name = "outlet")]
    [Description("Keep these outlets (repeatable; OR within, AND across fields).")]
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
    [Description("Keep articles written by these authors (repeatable; exact values of the author facet).")]
    public string[]? Author { get; init; }

    [FromQuery(Name = "lang")]
    [Description("Keep articles in these languages (repeatable; ISO 639-1 codes such as en, de, fr).")]
    public string[]? Lang { get; init; }

    [FromQuery(Name = "from")]
    [Description("First publication day, yyyy-MM-dd, inclusive.")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Last publication day, yyyy-MM-dd, inclusive.")]
    public string? To { get; init; }

    [FromQuery(Name = "sort")]
    [Description("relevance (default), newest or oldest.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "op")]
    [Description("How words without AND/OR combine: and (default) or or.")]
    public string? Op { get; init; }

    [FromQuery(Name = "page")]
    [Description("Page number from 1 (default 1).")]
    public int? Page { get; init; }

    [FromQuery(Name = "size")]
    [Description("Hits per page, 1-100 (default 10).")]
    public int? Size { get; init; }

    [FromQuery(Name = "after")]
    [Description("Cursor from the previous response's 'after': the page after it.")]
    public string? After { get; init; }

    [FromQuery(Name = "facets")]
    [Description("Count facets (default true).")]
    public bool? Facets { get; init; }

    [FromQuery(Name = "fuzzy")]
    [Description("Unknown words: suggest (default: return a 'suggestion'), auto (also search with it when nothing is found) or off.")]
    public string? Fuzzy { get; init; }

    [FromQuery(Name = "collapse")]
    [Description("none (default) or story: one hit per story, with its number of matching copies and their outlets. Pages with page, not after.")]
    public string? Collapse { get; init; }

    [FromQuery(Name = "expand")]
    [Description("none (default) or prf: pseudo-relevance feedback reorders the matches of a plain-word query with words common in its top results (relevance sort only; phrases, fields and operators are left as written).")]
    public string? Expand { get; init; }

    [FromQuery(Name = "histogram")]
    [Description("Coverage timeline over every match: day, week, month, year or auto (at most about 60 buckets). Omit for none.")]
    public string? Histogram { get; init; }

    [FromQuery(Name = "terms")]
    [Description("significant: add the words and two-word phrases unusually frequent in the top 500 matches. Omit (or none) for none.")]
    public string? Terms { get; init; }
}
