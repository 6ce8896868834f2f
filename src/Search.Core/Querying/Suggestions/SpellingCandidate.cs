namespace Search.Core.Querying.Suggestions;

/// <summary>An indexed word close to a query word.</summary>
/// <param name="Word">The indexed word.</param>
/// <param name="Distance">Edits from the query word (optimal string alignment).</param>
/// <param name="DocFreq">Documents holding it in the reader that found it.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record SpellingCandidate(string Word, int Distance, int DocFreq);
