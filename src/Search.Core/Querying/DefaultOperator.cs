namespace Search.Core.Querying;

/// <summary>How the words of a query combine when no AND/OR is written between them.</summary>
[GenerateSerializer]
public enum DefaultOperator
{
    /// <summary>Every word must match (what people typing into a search box expect).</summary>
    And,

    /// <summary>Any word may match; more matches rank higher (for long natural-language queries).</summary>
    Or,
}
