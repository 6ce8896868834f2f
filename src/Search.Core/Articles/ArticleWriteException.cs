namespace Search.Core.Articles;

/// <summary>An article cannot be written as given (bad id, no text, bad field); the message says why.</summary>
public sealed class ArticleWriteException(string field, string message) : Exception(message)
{
    /// <summary>The input field at fault, as clients name it.</summary>
    public string Field { get; } = field;
}
