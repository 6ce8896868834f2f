namespace Search.Core.Querying;

/// <summary>The query text cannot be parsed; the message says what is wrong and, when known, where.</summary>
public sealed class QuerySyntaxException(string message, int? column = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>1-based column of the problem in the query text, when the parser knows it.</summary>
    public int? Column { get; } = column;
}
