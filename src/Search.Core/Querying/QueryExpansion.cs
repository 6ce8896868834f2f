namespace Search.Core.Querying;

/// <summary>How a query is expanded before ranking.</summary>
[GenerateSerializer]
public enum QueryExpansion
{
    /// <summary>The query as typed (the default).</summary>
    None,

    /// <summary>
    /// Pseudo-relevance feedback (RM3, <see cref="RelevanceFeedback"/>): words common in the top results are
    /// added as optional clauses. Only for plain-word queries ranked by relevance; phrases, fields and
    /// operators are left as written.
    /// </summary>
    Prf,
}
