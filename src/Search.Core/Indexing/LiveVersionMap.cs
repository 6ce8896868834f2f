using System.Collections.Concurrent;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// The latest version of every article written since the searcher last refreshed: the article itself, or a
/// tombstone (null) after a delete. GET by id looks here first, so it is real-time (a deleted article is gone
/// at once, a replaced one shows its new version) without a refresh per request; Elasticsearch's
/// LiveVersionMap does the same for its realtime GET.
/// </summary>
/// <remarks>
/// Two maps, as in Elasticsearch: writes go to <c>current</c>; when a refresh starts, <c>current</c> becomes
/// <c>old</c> (its writes are about to be searchable) and a new <c>current</c> starts; when the refresh has
/// finished, <c>old</c> is dropped, since the new reader holds every write in it. A write that lands while the
/// refresh runs stays in <c>current</c> until the next one, whether or not the refresh saw it. A lookup reads
/// <c>current</c>, then <c>old</c>. The caller records each write under its id's lock, after the writer has it.
/// </remarks>
public sealed class LiveVersionMap : Lucene.Net.Search.ReferenceManager.IRefreshListener
{
    private volatile Maps _maps = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>Records the latest version of <paramref name="id"/>: the article, or null for a delete.</summary>
    public void Put(string id, Article? version) => _maps.Current[id] = version;

    /// <summary>
    /// True when <paramref name="id"/> was written since the last refresh; <paramref name="version"/> is then its
    /// latest version, null when it was deleted. False: the searcher is up to date for this id.
    /// </summary>
    public bool TryGet(string id, out Article? version)
    {
        var maps = _maps;
        return maps.Current.TryGetValue(id, out version) || maps.Old.TryGetValue(id, out version);
    }

    /// <summary>Entries held (both maps): how much a refresh will drop.</summary>
    public int Count => _maps.Current.Count + _maps.Old.Count;

    public void BeforeRefresh()
    {
        var maps = _maps;
        _maps = new Maps(new(StringComparer.Ordinal), maps.Current);
    }

    public void AfterRefresh(bool didRefresh)
    {
        var maps = _maps;
        _maps = maps with { Old = new(StringComparer.Ordinal) };
    }

    private sealed record Maps(ConcurrentDictionary<string, Article?> Current, ConcurrentDictionary<string, Article?> Old);
}
