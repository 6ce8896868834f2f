using System.Text.Json.Serialization;

namespace Search.Core.Querying.Timeline;

/// <summary>One bar of the timeline: the first day of the bucket and how many matching articles fall in it.</summary>
/// <param name="Start">First day of the bucket (a Monday for weeks, the 1st for months, 1 January for years).</param>
/// <param name="Count">Matching articles published in the bucket (0 for the empty buckets between others).</param>
public sealed record TimelineBucket(DateOnly Start, int Count)
{
    /// <summary>
    /// /search's histogram: every article in the bucket under the same filters but without the query, so
    /// <see cref="Count"/> ÷ Total is the query's share of the coverage (0 when the bucket holds no article at all).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Total { get; init; }
}
