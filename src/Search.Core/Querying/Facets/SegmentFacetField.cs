namespace Search.Core.Querying.Facets;

/// <summary>
/// One facet field of one segment (see <see cref="SegmentFacetOrdinals"/>): <see cref="DocOrds"/> when every
/// document holds at most one value, otherwise <see cref="Offsets"/> and <see cref="Ords"/>.
/// </summary>
/// <param name="ValueCount">Distinct values in the segment (segment ordinals are 0 .. ValueCount - 1).</param>
/// <param name="DocOrds">Single-valued: each document's ordinal, -1 when it has none.</param>
/// <param name="Offsets">Multi-valued: where each document's ordinals start in <see cref="Ords"/> (maxDoc + 1 entries).</param>
/// <param name="Ords">Multi-valued: every document's ordinals, in document order, each document's ascending.</param>
/// <param name="DocCounts">Per segment ordinal, how many documents hold it (deleted ones included): ranks values by frequency.</param>
#pragma warning disable CA1819 // Arrays, on purpose: counting reads them in its innermost loop.
public sealed record SegmentFacetField(int ValueCount, int[]? DocOrds, int[]? Offsets, int[]? Ords, int[] DocCounts);
#pragma warning restore CA1819
