namespace Search.Core.Querying.Trending;

/// <summary>A word or two-word phrase unusually frequent among the matches.</summary>
/// <param name="Term">The word or phrase, lowercased as written (not stemmed), ready to add to a query.</param>
/// <param name="Count">How many sampled matches contain it.</param>
/// <param name="Score">JLH significance: (foreground share − background share) × (foreground share ÷ background share).</param>
public sealed record SignificantTerm(string Term, int Count, double Score);
