namespace Search.Bench.Sharding;

/// <summary>How the cluster bench runs the servers; the names are the values of <c>Search:Cluster:Mode</c>.</summary>
public enum ClusterBenchMode
{
    /// <summary>One process, shards in process (LocalShard), no Orleans.</summary>
    None,

    /// <summary>One process with an in-process silo: every shard call is a grain call.</summary>
    Local,

    /// <summary>Several silo processes, membership in Redis.</summary>
    Redis,
}
