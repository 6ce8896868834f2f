namespace Search.Core.Querying.Highlighting;

/// <summary>A matched stretch of text: characters [Start, End).</summary>
public readonly record struct MatchRange(int Start, int End);
