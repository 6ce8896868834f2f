using Search.Core.Querying;

namespace Search.Core.Engine;

/// <summary>A shard's answer to the query phase.</summary>
/// <param name="Total">Matches every filter keeps on this shard.</param>
/// <param name="Hits">The shard's best hits, best first, as many as the page needs from any one shard.</param>
/// <param name="Facets">Every facet value the shard's matches carry (each facet ignoring its own filter); empty when not asked for.</param>
/// <param name="Stories">With story collapsing: distinct stories among the shard's matches.</param>
/// <param name="Days">With histogram=: matches per publication day number, the date filter left out (summed by the coordinator).</param>
/// <param name="TotalDays">With histogram=: articles per day under the same filters without the query (the coverage share's base).</param>
/// <param name="Sample">With terms=significant: the shard's best matches for the trending-terms sample (at most
/// <see cref="SearchOptions.TrendingSampleSize"/>), by score or day; the coordinator keeps the global best.</param>
/// <param name="Page">Query and fetch in one call (<see cref="IShard.SearchAloneAsync"/>): the page's hits, in page order.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardQueryResult(int Total, IReadOnlyList<ShardHit> Hits, IReadOnlyList<ShardFacetCounts> Facets, int? Stories,
    IReadOnlyDictionary<int, int>? Days = null, IReadOnlyList<ShardHit>? Sample = null, IReadOnlyDictionary<int, int>? TotalDays = null,
    IReadOnlyList<SearchHit>? Page = null);
