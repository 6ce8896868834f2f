namespace Search.Api.Cluster;

/// <summary>
/// Where the shards run, bound from <c>Search:Cluster</c> (<c>Search__Cluster__Mode=Redis</c> from the environment).
/// Defaults: no cluster, the shards in this process.
/// </summary>
public sealed class SearchClusterOptions
{
    public const string SectionName = "Search:Cluster";

    /// <summary>None: shards in this process, no Orleans. Local: an Orleans silo in this process alone. Redis: one silo of a cluster whose membership is in Redis.</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.None;

    /// <summary>Redis connection string (Mode=Redis).</summary>
    public string Redis { get; set; } = "localhost:6379";

    /// <summary>Port silos talk on; 0 picks a free one.</summary>
    public int SiloPort { get; set; }

    /// <summary>Port Orleans clients connect to; 0 picks a free one.</summary>
    public int GatewayPort { get; set; }

    /// <summary>Silos with the same cluster id (and Redis) form one cluster.</summary>
    public string ClusterId { get; set; } = "news-search";

    /// <summary>
    /// How long a silo may miss probes before the others declare it dead and its shards move (seconds). Orleans'
    /// default is ~15 s of probes plus voting; short values move shards sooner and risk false suspicion under load.
    /// </summary>
    public int ProbeTimeoutSeconds { get; set; } = 2;
}
