namespace Search.Api.Cluster;

/// <summary>Where the shards of a sharded index run (<see cref="SearchClusterOptions.Mode"/>).</summary>
public enum ClusterMode
{
    /// <summary>In this process, without Orleans.</summary>
    None,

    /// <summary>Grains on an Orleans silo in this process, alone (localhost clustering).</summary>
    Local,

    /// <summary>Grains on a cluster of silos whose membership is kept in Redis.</summary>
    Redis,
}
