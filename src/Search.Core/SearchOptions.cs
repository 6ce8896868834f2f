using System.ComponentModel.DataAnnotations;

namespace Search.Core;

/// <summary>
/// Settings of the search server, bound from the "Search" configuration section
/// (so <c>Search__IndexPath</c> works from the environment). Every default works unconfigured.
/// </summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Folder of the Lucene index; built from <see cref="SeedsPath"/> when it holds none.</summary>
    [Required]
    public string IndexPath { get; set; } = "index";

    /// <summary>
    /// Number of shards the index is split into, fixed when it is created. 1 (the default) is one index in
    /// <see cref="IndexPath"/>; N &gt; 1 is <c>{IndexPath}/shard-00</c> … <c>shard-{N-1}</c>, each with its own write log.
    /// </summary>
    [Range(1, 256)]
    public int Shards { get; set; } = 1;

    /// <summary>Folder of sample articles used to build a missing index. Empty: start with an empty index.</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Largest page size a client may ask for.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>
    /// Deepest hit reachable with <c>page</c> (page × size). Collecting deeper pages costs memory per
    /// request; the <c>after</c> cursor walks any depth at constant cost.
    /// </summary>
    [Range(100, 1_000_000)]
    public int MaxResultWindow { get; set; } = 10_000;

    /// <summary>Longest query text accepted, in characters.</summary>
    [Range(10, 100_000)]
    public int MaxQueryLength { get; set; } = 2_000;

    /// <summary>How many values each facet returns.</summary>
    [Range(1, 1000)]
    public int FacetSize { get; set; } = 20;

    /// <summary>
    /// Longest a search may run before it is abandoned with <see cref="Querying.SearchTimeoutException"/>
    /// (checked between segments and every few thousand matches).
    /// </summary>
    [Range(10, 600_000)]
    public int QueryTimeoutMs { get; set; } = 10_000;

    /// <summary>Largest slop a phrase query may ask for; huge slops make phrase matching slow.</summary>
    [Range(0, 1000)]
    public int MaxPhraseSlop { get; set; } = 50;

    /// <summary>
    /// How often the server makes a Lucene commit of logged writes. Writes are durable before that (the
    /// write-ahead log is fsynced per request); a longer interval means fewer segment flushes and a longer
    /// replay after a crash.
    /// </summary>
    [Range(100, 600_000)]
    public int CommitIntervalMs { get; set; } = 5_000;

    /// <summary>How often the background loop makes recent writes visible to searches.</summary>
    [Range(10, 60_000)]
    public int RefreshIntervalMs { get; set; } = 250;

    /// <summary>
    /// Alias file applied at query time: one group per line, aliases separated by commas
    /// ("NYT, The New York Times"). A relative path is looked up in the working folder, then beside the
    /// server's binaries; a missing file means no aliases.
    /// </summary>
    public string SynonymsPath { get; set; } = "synonyms.txt";

    /// <summary>
    /// How many finished search answers are kept for repeated requests (the same query, filters and page)
    /// until the index next changes. 0 turns the cache off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ResultCacheSize { get; set; } = 1_000;

    /// <summary>
    /// Most articles a quote search reads the quotes of (the best, newest or oldest matches, as sorted). Their
    /// quotes are indexed in memory per request, so this bounds the cost of a broad quote query; beyond it the
    /// response says complete: false.
    /// </summary>
    [Range(10, 1_000_000)]
    public int QuoteArticleLimit { get; set; } = 2_000;

    /// <summary>
    /// How many top matches <c>terms=significant</c> reads (the issue allows up to 500). A larger sample
    /// reaches further down the ranking at a cost proportional to its size.
    /// </summary>
    [Range(10, Querying.Trending.SignificantTermsFinder.MaxSample)]
    public int TrendingSampleSize { get; set; } = Querying.Trending.SignificantTermsFinder.DefaultSample;

    /// <summary>Most rows one GET /export writes; a larger match set is cut there (the response says so in its headers).</summary>
    [Range(1, 100_000_000)]
    public int MaxExportRows { get; set; } = 1_000_000;

    /// <summary>Exports running at once; one more is answered 429 with Retry-After. Each holds a reader open while it runs.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentExports { get; set; } = 2;
}
