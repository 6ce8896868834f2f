using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying.Facets;

/// <summary>
/// One pass over the query's matches that does three jobs: remembers every match (for facet counts),
/// evaluates each filter on it, and passes the matches every filter keeps on to the top-hits collector.
/// This is what lets a facet ignore its own filter (multi-select) without running the query twice.
/// When no facets are wanted, matches are not remembered: no bit set per leaf is allocated or written.
/// </summary>
internal sealed class FilteringCollector : ICollector
{
    private readonly ICollector _hits;
    private readonly IReadOnlyList<(string Name, Filter Filter)> _filters;
    private readonly CancellationToken _cancellationToken;
    private readonly FixedBitSet?[] _matches;
    private readonly IBits?[][] _filterBits;
    private FixedBitSet? _leafMatches;
    private IBits?[] _leafFilters = [];
    private int _sinceCancellationCheck;

    public FilteringCollector(ICollector hits, IReadOnlyList<(string Name, Filter Filter)> filters, IndexReader reader, bool rememberMatches,
        CancellationToken cancellationToken)
    {
        _hits = hits;
        _filters = filters;
        _cancellationToken = cancellationToken;
        var leaves = reader.Leaves;
        _matches = new FixedBitSet?[leaves.Count];
        _filterBits = new IBits?[leaves.Count][];
        for (var i = 0; i < leaves.Count; i++)
        {
            _matches[i] = rememberMatches ? new FixedBitSet(leaves[i].AtomicReader.MaxDoc) : null;
            _filterBits[i] = new IBits?[filters.Count];
        }
    }

    /// <summary>Matches kept by every filter: the result total.</summary>
    public int Kept { get; private set; }

    public MatchSet ToMatchSet() => _matches.Length > 0 && _matches[0] is null
        ? throw new InvalidOperationException("Matches were not remembered; create the collector with rememberMatches: true.")
        : new(_matches!, _filterBits, _filters.Select(f => f.Name).ToList());

    public bool AcceptsDocsOutOfOrder => _hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _leafMatches = _matches[context.Ord];
        _leafFilters = _filterBits[context.Ord];
        for (var f = 0; f < _filters.Count; f++)
        {
            _leafFilters[f] = ToBits(_filters[f].Filter.GetDocIdSet(context, context.AtomicReader.LiveDocs), context.AtomicReader.MaxDoc);
        }

        _hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_sinceCancellationCheck == 8192)
        {
            _sinceCancellationCheck = 0;
            _cancellationToken.ThrowIfCancellationRequested();
        }

        _leafMatches?.Set(doc);
        foreach (var bits in _leafFilters)
        {
            if (bits is not null && !bits.Get(doc))
            {
                return;
            }
        }

        Kept++;
        _hits.Collect(doc);
    }

    /// <summary>A filter's documents as random-access bits (an empty set when it keeps none).</summary>
    private static FixedBitSet ToBits(DocIdSet? set, int maxDoc)
    {
        var bits = new FixedBitSet(maxDoc);
        var iterator = set?.GetIterator();
        if (iterator is not null)
        {
            bits.Or(iterator);
        }

        return bits;
    }
}
