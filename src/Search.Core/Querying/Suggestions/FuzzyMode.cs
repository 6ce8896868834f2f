namespace Search.Core.Querying.Suggestions;

/// <summary>What a search does about words the index does not hold.</summary>
public enum FuzzyMode
{
    /// <summary>Nothing: no suggestion is computed.</summary>
    Off,

    /// <summary>Return a "did you mean" suggestion; hits stay those of the query as typed (the default).</summary>
    Suggest,

    /// <summary>As <see cref="Suggest"/>, and when the query as typed finds nothing, return the suggestion's hits.</summary>
    Auto,
}
