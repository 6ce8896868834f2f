namespace Search.Core.Querying.Suggestions;

/// <summary>An autocomplete entry with its text folded (lowercase, no accents) for matching.</summary>
public sealed record CompletionEntry(Completion Completion, string Folded);
