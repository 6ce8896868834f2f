namespace Search.Core.Querying;

/// <summary>A search parameter is out of range or malformed.</summary>
public sealed class SearchRequestException(string parameter, string message) : Exception(message)
{
    /// <summary>Name of the offending parameter as clients send it (e.g. "size").</summary>
    public string Parameter { get; } = parameter;
}
