namespace Search.Core.Querying;

/// <summary>One facet value and how many matching articles have it.</summary>
public sealed record FacetValue(string Value, int Count);
