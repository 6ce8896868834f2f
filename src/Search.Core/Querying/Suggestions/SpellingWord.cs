namespace Search.Core.Querying.Suggestions;

/// <summary>One word of a query as one reader (a shard) sees it, for "did you mean".</summary>
/// <param name="Start">Where the word starts in the query text.</param>
/// <param name="End">Where it ends.</param>
/// <param name="Known">The reader holds the word (then it is never replaced).</param>
/// <param name="Candidates">When not known: the reader's words within the allowed edits.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record SpellingWord(int Start, int End, bool Known, IReadOnlyList<SpellingCandidate> Candidates);
