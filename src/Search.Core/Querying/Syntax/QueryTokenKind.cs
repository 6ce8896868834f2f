namespace Search.Core.Querying.Syntax;

/// <summary>What a stretch of query text is to the classic query parser, as far as the query helpers need to know.</summary>
public enum QueryTokenKind
{
    /// <summary>A word the parser reads as text of the default fields.</summary>
    Word,

    /// <summary>AND, OR, NOT or TO (upper case, as the parser wants them).</summary>
    Operator,

    /// <summary>A word followed by ':': the name of a field.</summary>
    Field,

    /// <summary>A word right after ':': the value of a field, taken as written.</summary>
    FieldValue,

    /// <summary>A word escaped with '\' or followed by '*', '?' or '~': a wildcard, fuzzy or literal term, taken as written.</summary>
    Pattern,

    /// <summary>A double quote, opening or closing a phrase.</summary>
    Quote,

    /// <summary>Any other character that is not a space: punctuation or syntax ('(', '+', ':', ',', ...).</summary>
    Symbol,

    /// <summary>A run of white space.</summary>
    Space,
}
