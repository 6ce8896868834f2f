using Lucene.Net.Search;
using Search.Core.Indexing.Readers;

namespace Search.Core.Indexing;

/// <summary>
/// A searcher borrowed from the <see cref="SearcherManager"/>, with its reader's <see cref="ReaderContext"/>;
/// disposing returns it. Do not touch the searcher or the context after disposing: the reader may be closed
/// by the next refresh.
/// </summary>
public sealed class SearcherLease : IDisposable
{
    private readonly SearcherManager _manager;
    private ContextSearcher? _searcher;

    internal SearcherLease(SearcherManager manager)
    {
        _manager = manager;
        _searcher = (ContextSearcher)manager.Acquire();
    }

    public IndexSearcher Searcher => _searcher ?? throw new ObjectDisposedException(nameof(SearcherLease));

    /// <summary>What was built for this searcher's reader when it was opened.</summary>
    public ReaderContext Context => (_searcher ?? throw new ObjectDisposedException(nameof(SearcherLease))).Context;

    public void Dispose()
    {
        if (_searcher is not null)
        {
            _manager.Release(_searcher);
            _searcher = null;
        }
    }
}
