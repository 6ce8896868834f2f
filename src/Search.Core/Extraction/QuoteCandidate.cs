using Search.Core.Articles;

namespace Search.Core.Extraction;

/// <summary>A possible source of a quote and the features that describe it, as <see cref="AttributionModel"/> scores them.</summary>
/// <param name="Name">The source's name; null for "serve the quote to no one".</param>
/// <param name="Organization">True when the source is an organisation (<see cref="Quote.OrganizationKind"/>).</param>
/// <param name="Features">Names of the binary features that hold for this candidate.</param>
public sealed record QuoteCandidate(string? Name, bool Organization, IReadOnlyList<string> Features);
