namespace Search.Core.Querying;

/// <summary>No article has this id.</summary>
public sealed class ArticleNotFoundException(string id) : Exception($"No article has the id '{id}'.")
{
    public string Id { get; } = id;
}
