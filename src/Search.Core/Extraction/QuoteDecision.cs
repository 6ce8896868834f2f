namespace Search.Core.Extraction;

/// <summary>
/// One quoted string of an article and the sources it could be given to (#24, learned attribution): the first
/// candidate is always "serve it to no one" (<see cref="QuoteCandidate.Name"/> null), the others are sources the
/// rules find near it. <see cref="AttributionModel"/> picks one; <see cref="AttributionTrainer"/> learns from them.
/// </summary>
/// <param name="Text">The quoted words as they would be served.</param>
/// <param name="Candidates">"No one" first, then the possible sources in the order they were found.</param>
/// <param name="RuleChoice">The candidate the hand-written rules pick (0: the rules serve no quote).</param>
public sealed record QuoteDecision(string Text, IReadOnlyList<QuoteCandidate> Candidates, int RuleChoice);
