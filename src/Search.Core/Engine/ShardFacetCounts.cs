namespace Search.Core.Engine;

/// <summary>
/// Every value of one facet that a shard's matches carry, with its count: values as the index's UTF-8 bytes, so
/// the coordinator sums and orders them without decoding, and decodes only the values it returns.
/// </summary>
/// <param name="Facet">The facet name.</param>
/// <param name="Values">Each value's UTF-8 bytes.</param>
/// <param name="Counts">Each value's count, parallel to <paramref name="Values"/>.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardFacetCounts(string Facet, IReadOnlyList<byte[]> Values, IReadOnlyList<int> Counts);
