using Lucene.Net.Search;

namespace Search.Core.Indexing;

/// <summary>
/// A searcher borrowed from the <see cref="SearcherManager"/>; disposing returns it. Do not touch the
/// searcher after disposing: its reader may be closed by the next refresh.
/// </summary>
public sealed class SearcherLease : IDisposable
{
    private readonly SearcherManager _manager;
    private IndexSearcher? _searcher;

    internal SearcherLease(SearcherManager manager)
    {
        _manager = manager;
        _searcher = manager.Acquire();
    }

    public IndexSearcher Searcher => _searcher ?? throw new ObjectDisposedException(nameof(SearcherLease));

    public void Dispose()
    {
        if (_searcher is not null)
        {
            _manager.Release(_searcher);
            _searcher = null;
        }
    }
}
