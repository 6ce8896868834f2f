namespace Search.Api.Cluster;

/// <summary>
/// Placement of shard grains: shard i goes to the i-th silo (mod the silos up, in address order), so N shards spread
/// evenly over the silos up when they activate (<see cref="ShardSpreadPlacementDirector"/>). Orleans' defaults
/// (random, resource-optimised) can leave two shards of four on one silo of two.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class ShardSpreadPlacement : PlacementStrategy
{
    /// <summary>The one instance the attribute hands out.</summary>
    public static ShardSpreadPlacement Instance { get; } = new();
}
