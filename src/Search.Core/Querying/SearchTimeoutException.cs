namespace Search.Core.Querying;

/// <summary>A search ran past the configured time limit and was abandoned.</summary>
public sealed class SearchTimeoutException(int limitMs)
    : Exception($"The search took longer than the {limitMs} ms limit; narrow the query (fewer wildcards, shorter prefixes) or add filters.")
{
    public int LimitMs { get; } = limitMs;
}
