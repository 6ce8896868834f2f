using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Alerts;

/// <summary>
/// A writer's compiled copy of the saved alerts (<see cref="AlertMatcher"/>), kept in step with the
/// <see cref="AlertBook"/>'s version: the alerts saved since are compiled and added, the deleted ones removed.
/// The shards in one process share one; a shard grain keeps its own, so matching runs on the silo that holds the
/// shard. The prefilters are chosen by the document frequencies of the shards given; which prefilter a copy picks
/// changes its speed, never its matches. Thread-safe.
/// </summary>
public sealed class AlertFollower(IReadOnlyList<ArticleIndex> shards, SynonymExpander synonyms, int maxPhraseSlop) : IDisposable
{
    private readonly AlertCompiler _compiler = new(shards, synonyms, maxPhraseSlop);
    private readonly AlertMatcher _matcher = new();
    private readonly System.Threading.Lock _updateLock = new();
    private HashSet<string> _ids = new(StringComparer.Ordinal);
    private AlertSet? _applied;

    /// <summary>The book's version this copy holds; null before the first <see cref="Update"/>.</summary>
    public long? Version => Volatile.Read(ref _applied)?.Version;

    /// <summary>How many alerts this copy matches.</summary>
    public int Count => _matcher.Count;

    /// <summary>Takes the book's alerts at a new version (null: no change).</summary>
    public void Update(AlertSet? set)
    {
        if (set is null)
        {
            return;
        }

        lock (_updateLock)
        {
            var ids = set.Alerts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _ids.Where(id => !ids.Contains(id)))
            {
                _matcher.Remove(gone);
            }

            _matcher.Add([.. set.Alerts.Where(a => !_ids.Contains(a.Id)).Select(_compiler.Compile)]);
            _ids = ids;
            Volatile.Write(ref _applied, set);
        }
    }

    /// <summary>Ids of the alerts whose query and filters the article meets.</summary>
    public IReadOnlyList<string> Match(Article article) => _matcher.Match(article);

    /// <summary>The matches of the writes a shard replayed from its log at open (writes without matches left out).</summary>
    public IReadOnlyList<AlertHit> MatchReplayed(IReadOnlyList<WalEntry> replayed, int shard) =>
        Count == 0
            ? []
            : [.. replayed.Select(entry => AlertHit.Of(Match(entry.Article!), entry.Article!, entry.Seq, shard)).Where(hit => hit.AlertIds.Count > 0)];

    public void Dispose()
    {
        _compiler.Dispose();
        _matcher.Dispose();
    }
}
