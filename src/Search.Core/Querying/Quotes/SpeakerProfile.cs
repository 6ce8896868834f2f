using Search.Core.Querying.Timeline;

namespace Search.Core.Querying.Quotes;

/// <summary>What one speaker said, over time and where.</summary>
/// <param name="Name">The speaker, as indexed.</param>
/// <param name="Quotes">How many quotes are attributed to them.</param>
/// <param name="Articles">How many articles quote them.</param>
/// <param name="Interval">Bucket width of <paramref name="Timeline"/> (chosen as histogram=auto chooses).</param>
/// <param name="Timeline">Quote count per bucket, oldest first, empty buckets included.</param>
/// <param name="Outlets">Outlets quoting them most, with quote counts.</param>
/// <param name="Recent">Their newest quotes (text escaped HTML).</param>
/// <param name="Complete">False when they appear in more articles than a quote search reads: counts cover the newest of them.</param>
public sealed record SpeakerProfile(
    string Name,
    int Quotes,
    int Articles,
    string Interval,
    IReadOnlyList<TimelineBucket> Timeline,
    IReadOnlyList<FacetValue> Outlets,
    IReadOnlyList<QuoteHit> Recent,
    bool Complete);
