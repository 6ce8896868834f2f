namespace Search.Core.Querying.Quotes;

/// <summary>A quote search: query text (classic syntax over the quote's words), filters, order and page.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record QuoteSearchRequest
{
    /// <summary>Query text; words without a field search the quote itself. Null or blank: every quote.</summary>
    public string? Query { get; init; }

    /// <summary>Keep quotes by any of these speakers (exact names, as the speaker facet lists them).</summary>
    public IReadOnlyList<string> Speakers { get; init; } = [];

    /// <summary>Keep quotes by any of these organisations (exact names, as the organization facet lists them).</summary>
    public IReadOnlyList<string> Organizations { get; init; } = [];

    /// <summary>Keep quotes from articles of any of these outlets.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Null: relevance with a query, newest without one.</summary>
    public SearchSort? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int Size { get; init; } = 10;

    /// <summary>The requested speakers and organisations together: the names a quote's source may have.</summary>
    internal IReadOnlyList<string> NamedSources() => [.. Speakers, .. Organizations];
}
