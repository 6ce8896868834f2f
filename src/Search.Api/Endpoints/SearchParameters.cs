using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Search.Api.Endpoints;

/// <summary>The query string of GET /search, as given (parsed and checked by <see cref="SearchEndpoints"/>).</summary>
public sealed record SearchParameters(
    [FromQuery(Name = "q")][Description("Query text (Lucene classic syntax). Empty: all articles.")] string? Q,
    [FromQuery(Name = "outlet")][Description("Keep these outlets (repeatable; OR within, AND across fields).")] string[]? Outlet,
    [FromQuery(Name = "speaker")][Description("Keep articles quoting these speakers (repeatable).")] string[]? Speaker,
    [FromQuery(Name = "source")][Description("Keep articles crediting or citing these outlets (repeatable).")] string[]? Source,
    [FromQuery(Name = "from")][Description("First publication day, yyyy-MM-dd, inclusive.")] string? From,
    [FromQuery(Name = "to")][Description("Last publication day, yyyy-MM-dd, inclusive.")] string? To,
    [FromQuery(Name = "sort")][Description("relevance (default), newest or oldest.")] string? Sort,
    [FromQuery(Name = "op")][Description("How words without AND/OR combine: and (default) or or.")] string? Op,
    [FromQuery(Name = "page")][Description("Page number from 1 (default 1).")] int? Page,
    [FromQuery(Name = "size")][Description("Hits per page, 1-100 (default 10).")] int? Size,
    [FromQuery(Name = "after")][Description("Cursor from the previous response's 'after': the page after it.")] string? After,
    [FromQuery(Name = "facets")][Description("Count facets (default true).")] bool? Facets,
    [FromQuery(Name = "fuzzy")][Description("Unknown words: suggest (default: return a 'suggestion'), auto (also search with it when nothing is found) or off.")] string? Fuzzy,
    [FromQuery(Name = "collapse")][Description("none (default) or story: one hit per story, with its number of matching copies and their outlets. Pages with page, not after.")] string? Collapse,
    [FromQuery(Name = "expand")][Description("none (default) or prf: pseudo-relevance feedback reorders the matches of a plain-word query with words common in its top results (relevance sort only; phrases, fields and operators are left as written).")] string? Expand);
