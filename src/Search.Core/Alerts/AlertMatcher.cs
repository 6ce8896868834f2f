using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Core.Alerts;

/// <summary>
/// Matches one article against every saved alert at ingest. The article is indexed alone in a
/// <see cref="MemoryIndex"/> with the analyzer and field layout of the real index (only the fields some alert
/// reads), its terms are looked up in an inverted index from pre-filter term to alerts (see
/// <see cref="RequiredTerms"/>), and only those candidates, plus the alerts with no pre-filter, run their query.
/// Thread-safe: ingest threads match concurrently; saving or deleting an alert briefly excludes them.
/// </summary>
internal sealed class AlertMatcher : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly Dictionary<string, CompiledAlert> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CompiledAlert>> _byTerm = new(StringComparer.Ordinal);
    private readonly List<CompiledAlert> _unfiltered = [];

    // How many alerts read each field; a field no alert reads is not analysed.
    private readonly Dictionary<string, int> _fieldUse = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _byId.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public void Add(IEnumerable<CompiledAlert> alerts)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var alert in alerts)
            {
                RemoveLocked(alert.Alert.Id);
                _byId[alert.Alert.Id] = alert;
                foreach (var field in alert.Fields)
                {
                    _fieldUse[field] = _fieldUse.GetValueOrDefault(field) + 1;
                }

                if (alert.Prefilter is null)
                {
                    _unfiltered.Add(alert);
                    continue;
                }

                foreach (var key in alert.Prefilter)
                {
                    if (!_byTerm.TryGetValue(key, out var list))
                    {
                        _byTerm[key] = list = [];
                    }

                    list.Add(alert);
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Remove(string id)
    {
        _lock.EnterWriteLock();
        try
        {
            return RemoveLocked(id);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Ids of the alerts whose query and filters the article meets.</summary>
    public List<string> Match(Article article)
    {
        _lock.EnterReadLock();
        try
        {
            if (_byId.Count == 0)
            {
                return [];
            }

            var memory = new MemoryIndex();
            AddFields(memory, article);
            var searcher = memory.CreateSearcher();
            var terms = new HashSet<string>(StringComparer.Ordinal);
            var indexed = _fieldUse.Keys.Where(f => f != ArticleFields.PublishedDays).ToHashSet(StringComparer.Ordinal);
            var matched = new List<string>();
            foreach (var alert in Candidates(searcher.IndexReader, article, terms))
            {
                // The article's terms settle most queries; the rest (phrases whose words are all there, ranges) run in Lucene.
                if (KeptByFilters(alert, article) && (TermSetEvaluator.Evaluate(alert.Query, indexed, terms) ?? Matches(searcher, alert.Query)))
                {
                    matched.Add(alert.Alert.Id);
                }
            }

            return matched;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Alerts that could match: one of their pre-filter terms is in the article, or they have none. Fills
    /// <paramref name="terms"/> with the article's indexed terms (as keys) on the way.
    /// </summary>
    private HashSet<CompiledAlert> Candidates(IndexReader reader, Article article, HashSet<string> terms)
    {
        var candidates = new HashSet<CompiledAlert>(_unfiltered, ReferenceEqualityComparer.Instance);
        void Look(string key)
        {
            if (_byTerm.TryGetValue(key, out var alerts))
            {
                candidates.UnionWith(alerts);
            }
        }

        var fields = MultiFields.GetFields(reader);
        if (fields is not null)
        {
            foreach (var field in fields)
            {
                if (field == ArticleFields.PublishedDays)
                {
                    continue; // Binary trie terms: no pre-filter is built on them.
                }

                var iterator = fields.GetTerms(field)?.GetEnumerator();
                while (iterator is not null && iterator.MoveNext())
                {
                    var key = RequiredTerms.Key(field, iterator.Term.Utf8ToString());
                    terms.Add(key);
                    Look(key);
                }
            }
        }

        if (article.Outlet is not null)
        {
            Look(RequiredTerms.Key(ArticleFields.OutletKey, article.Outlet));
        }

        foreach (var speaker in article.Speakers)
        {
            Look(RequiredTerms.Key(ArticleFields.SpeakerKey, speaker));
        }

        foreach (var source in article.Sources)
        {
            Look(RequiredTerms.Key(ArticleFields.SourceKey, source));
        }

        return candidates;
    }

    /// <summary>The filters of /search: values of one field OR-ed, fields AND-ed, exact values as indexed.</summary>
    private static bool KeptByFilters(CompiledAlert alert, Article article) =>
        (alert.Outlets is null || (article.Outlet is not null && alert.Outlets.Contains(article.Outlet)))
        && (alert.Speakers is null || article.Speakers.Any(alert.Speakers.Contains))
        && (alert.Sources is null || article.Sources.Any(alert.Sources.Contains));

    private static bool Matches(IndexSearcher searcher, Query query)
    {
        var count = new TotalHitCountCollector();
        searcher.Search(query, count);
        return count.TotalHits > 0;
    }

    /// <summary>
    /// The article's fields as <see cref="ArticleDocumentMapper"/> indexes them, for the fields some alert reads.
    /// MemoryIndex takes a field once, so the values of a multi-valued field are joined into one text.
    /// </summary>
    private void AddFields(MemoryIndex memory, Article article)
    {
        void AddText(string field, string? text)
        {
            if (text is not null && _fieldUse.ContainsKey(field))
            {
                memory.AddField(field, text, _analyzer);
            }
        }

        AddText(ArticleFields.Title, article.Title);
        AddText(ArticleFields.Body, article.Body);
        AddText(ArticleFields.Outlet, article.Outlet);
        AddText(ArticleFields.Speaker, Join(article.Speakers));
        AddText(ArticleFields.Source, Join(article.Sources));
        AddText(ArticleFields.Quote, Join(article.Quotes.Select(q => q.Text).ToList()));
        if (article.Published is { } day && _fieldUse.ContainsKey(ArticleFields.PublishedDays))
        {
            // The same trie terms as the indexed Int32Field, so published:[a TO b] ranges match alike.
            var days = new NumericTokenStream(NumericUtils.PRECISION_STEP_DEFAULT).SetInt32Value(day.DayNumber);
            memory.AddField(ArticleFields.PublishedDays, days);
        }
    }

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(" ", values);

    private bool RemoveLocked(string id)
    {
        if (!_byId.Remove(id, out var alert))
        {
            return false;
        }

        foreach (var field in alert.Fields)
        {
            if ((_fieldUse[field] -= 1) == 0)
            {
                _fieldUse.Remove(field);
            }
        }

        if (alert.Prefilter is null)
        {
            _unfiltered.Remove(alert);
        }
        else
        {
            foreach (var key in alert.Prefilter)
            {
                if (_byTerm.TryGetValue(key, out var list) && list.Remove(alert) && list.Count == 0)
                {
                    _byTerm.Remove(key);
                }
            }
        }

        return true;
    }

    public void Dispose()
    {
        _analyzer.Dispose();
        _lock.Dispose();
    }
}
