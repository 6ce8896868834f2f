namespace Search.Core.Extraction;

/// <summary>A decision and which of its candidates are right: several may be (any source will do for a quote whose gold source is unnamed).</summary>
/// <param name="Decision">The quote and its candidates, as extraction saw them.</param>
/// <param name="Right">Indexes of the right candidates (0: the quote should not be served).</param>
public sealed record AttributionExample(QuoteDecision Decision, IReadOnlySet<int> Right);
