using Orleans.Runtime.Placement;

namespace Search.Api.Cluster;

/// <summary>Chooses the silo of a shard grain: the silos up, in address order, taken round-robin by shard number.</summary>
public sealed class ShardSpreadPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(silo => silo.ToString(), StringComparer.Ordinal).ToArray();
        var shard = target.GrainIdentity.GetIntegerKey();
        return Task.FromResult(silos[(int)(shard % silos.Length)]);
    }
}
