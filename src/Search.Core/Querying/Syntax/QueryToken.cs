namespace Search.Core.Querying.Syntax;

/// <summary>One stretch of query text: its kind, where it starts, its text, and whether it stands inside a quoted phrase.</summary>
public sealed record QueryToken(QueryTokenKind Kind, int Start, string Text, bool InPhrase)
{
    /// <summary>The index just after the token.</summary>
    public int End => Start + Text.Length;

    /// <summary>Whether the token is a word of any kind (a free word, operator, field name or value, or pattern).</summary>
    public bool IsWordLike => Kind is QueryTokenKind.Word or QueryTokenKind.Operator or QueryTokenKind.Field
        or QueryTokenKind.FieldValue or QueryTokenKind.Pattern;
}
