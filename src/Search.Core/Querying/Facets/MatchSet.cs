using Lucene.Net.Util;

namespace Search.Core.Querying.Facets;

/// <summary>
/// The documents a query matched, leaf by leaf, and for each active filter the documents it keeps.
/// A hit is a match every filter keeps; a facet's counts use every filter but its own (multi-select).
/// </summary>
public sealed class MatchSet
{
    private readonly FixedBitSet[] _matches;
    private readonly IBits?[][] _filters;

    internal MatchSet(FixedBitSet[] matches, IBits?[][] filters, IReadOnlyList<string> filterNames)
    {
        _matches = matches;
        _filters = filters;
        FilterNames = filterNames;
    }

    /// <summary>Names of the active filters, in the order of the per-leaf filter arrays.</summary>
    public IReadOnlyList<string> FilterNames { get; }

    /// <summary>The query's matches in leaf <paramref name="leaf"/>, before filtering.</summary>
    public FixedBitSet Matches(int leaf) => _matches[leaf];

    /// <summary>True when leaf <paramref name="leaf"/> has an active filter other than <paramref name="ignoredFilter"/>.</summary>
    internal bool IsFiltered(int leaf, int ignoredFilter)
    {
        var filters = _filters[leaf];
        for (var f = 0; f < filters.Length; f++)
        {
            if (f != ignoredFilter && filters[f] is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every filter except <paramref name="ignoredFilter"/> keeps the document.</summary>
    public bool IsKept(int leaf, int doc, int ignoredFilter)
    {
        var filters = _filters[leaf];
        for (var f = 0; f < filters.Length; f++)
        {
            if (f != ignoredFilter && filters[f] is { } bits && !bits.Get(doc))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Index of the filter with this name, or -1 when it is not active.</summary>
    public int FilterIndex(string name)
    {
        for (var i = 0; i < FilterNames.Count; i++)
        {
            if (FilterNames[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
