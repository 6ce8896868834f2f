using System.Text.Json.Serialization;
using Search.Core.Querying.Timeline;
using Search.Core.Querying.Trending;

namespace Search.Core.Querying;

/// <summary>A page of results with facet counts over every matching article.</summary>
/// <param name="Query">The query text as received.</param>
/// <param name="Total">How many articles match the query and every filter.</param>
/// <param name="Page">The page number asked for.</param>
/// <param name="Size">The page size asked for.</param>
/// <param name="TookMs">Time spent in the search engine, in milliseconds.</param>
/// <param name="Hits">This page's results, in order.</param>
/// <param name="Facets">Per facet (outlet, speaker, published month, source): values with counts, by count then value.
/// A facet's own filter does not narrow its counts (multi-select).</param>
/// <param name="After">Cursor for the next page (pass it as <c>after</c>); null on the last page.</param>
public sealed record SearchResponse(
    string Query,
    int Total,
    int Page,
    int Size,
    long TookMs,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? After)
{
    /// <summary>"Did you mean": the query with words the index does not hold replaced by the closest words it does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Suggestion { get; init; }

    /// <summary>True when the original query found nothing and these hits are for <see cref="Suggestion"/> (fuzzy=auto).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? SuggestionApplied { get; init; }

    /// <summary>With story collapsing: how many distinct stories the matching articles tell.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Stories { get; init; }

    /// <summary>True when this answer was served from the result cache (the index has not changed since it was computed).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Cached { get; init; }

    /// <summary>With histogram=…: matching articles per bucket, oldest first, empty buckets included. The date filter does not narrow it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimelineBucket>? Histogram { get; init; }

    /// <summary>With histogram=…: the bucket width used (day, week, month or year; what auto chose).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? HistogramInterval { get; init; }

    /// <summary>With terms=significant: words and pairs unusually frequent in the top matches, most significant first.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SignificantTerm>? SignificantTerms { get; init; }

    /// <summary>
    /// True when some shards of a sharded index did not answer (a silo died and their grains are moving): the
    /// total, hits and facets cover only the shards that did. Never set on a complete answer.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Partial { get; init; }

    /// <summary>With <see cref="Partial"/>: the shards (0 … N − 1) whose articles are missing from this answer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? MissingShards { get; init; }
}
