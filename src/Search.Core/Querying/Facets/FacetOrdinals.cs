using Lucene.Net.Index;
using OrdinalMap = Lucene.Net.Index.MultiDocValues.OrdinalMap;

namespace Search.Core.Querying.Facets;

/// <summary>
/// The global ordinals of each facet field of one top-level reader: an <see cref="OrdinalMap"/> joining the
/// segments' sorted-set ordinals, as Lucene's SortedSetDocValuesReaderState keeps. It spans every segment, so
/// it is rebuilt per reader, on the refresh that opens it (see
/// <see cref="Search.Core.Indexing.Readers.ReaderContextFactory"/>). A single-segment reader needs none.
/// </summary>
public sealed class FacetOrdinals
{
    private readonly Dictionary<string, OrdinalMap> _maps;

    private FacetOrdinals(Dictionary<string, OrdinalMap> maps) => _maps = maps;

    /// <summary>The map of <paramref name="field"/>; null when segment ordinals are global ones (one leaf).</summary>
    public OrdinalMap? For(string field) => _maps.GetValueOrDefault(field);

    public static FacetOrdinals Build(IndexReader reader)
    {
        var maps = new Dictionary<string, OrdinalMap>(StringComparer.Ordinal);
        var leaves = reader.Leaves;
        if (leaves.Count > 1)
        {
            foreach (var facet in FacetDefinition.All)
            {
                var subs = new TermsEnum[leaves.Count];
                for (var i = 0; i < leaves.Count; i++)
                {
                    var values = leaves[i].AtomicReader.GetSortedSetDocValues(facet.Field) ?? DocValues.EMPTY_SORTED_SET;
                    subs[i] = values.GetTermsEnum();
                }

                maps[facet.Field] = new OrdinalMap(reader.CoreCacheKey, subs);
            }
        }

        return new FacetOrdinals(maps);
    }
}
