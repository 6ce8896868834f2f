namespace Search.Core.Querying.Suggestions;

/// <summary>One autocomplete entry.</summary>
/// <param name="Text">The title, speaker or outlet as indexed.</param>
/// <param name="Kind"><c>title</c>, <c>speaker</c> or <c>outlet</c>.</param>
/// <param name="Count">How many articles have this title, quote this speaker or come from this outlet.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record Completion(string Text, string Kind, int Count);
