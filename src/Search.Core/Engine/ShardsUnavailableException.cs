namespace Search.Core.Engine;

/// <summary>
/// Shards of a sharded index did not answer (the API answers 503): a search none of whose shards answered, or an
/// answer that cannot say it is partial (a count, a list of similar articles).
/// </summary>
public sealed class ShardsUnavailableException(IReadOnlyList<int> shards)
    : Exception($"Shards {string.Join(", ", shards)} did not answer (a silo is down and they are moving to the others). Retry shortly.")
{
    /// <summary>The shards that did not answer.</summary>
    public IReadOnlyList<int> Shards { get; } = shards;
}
