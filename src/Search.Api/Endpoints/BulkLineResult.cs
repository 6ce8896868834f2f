namespace Search.Api.Endpoints;

/// <summary>The outcome of one bulk line.</summary>
/// <param name="Line">1-based line number in the request body.</param>
/// <param name="Id">The article's id, when known.</param>
/// <param name="Status">created, updated or error.</param>
/// <param name="Error">Why the line was not stored.</param>
public sealed record BulkLineResult(int Line, string? Id, string Status, string? Error);
