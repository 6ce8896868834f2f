using Lucene.Net.Index.Memory;
using Lucene.Net.Search;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Core.Alerts;

/// <summary>
/// Matches one article against every saved alert at ingest. The article is analysed once, keeping only the terms
/// some saved query reads, with their positions (<see cref="ArticleTerms"/>). Each such term, and the article's
/// exact outlet, speakers and sources, lead to the alerts pre-filtered on it (see <see cref="RequiredTerms"/>);
/// only those candidates, plus the alerts with no pre-filter, are checked: filters first, then the query's plan
/// (<see cref="QueryPlan"/>: terms, phrases, booleans and day ranges decided on the positions, exactly as Lucene
/// decides them). The few shapes without a plan run their query on a one-document <see cref="MemoryIndex"/>
/// built with the analyzer and field layout of the real index, only for an article that needs it.
/// Thread-safe: ingest threads match concurrently; saving or deleting an alert briefly excludes them.
/// </summary>
internal sealed class AlertMatcher : IDisposable
{
    private static readonly HashSet<string> FilterFields = new(StringComparer.Ordinal)
    {
        ArticleFields.OutletKey, ArticleFields.SpeakerKey, ArticleFields.SourceKey,
    };

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly AlertVocabulary _vocabulary = new();
    private readonly Dictionary<string, AlertPlan> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AlertPlan>> _byFilterValue = new(StringComparer.Ordinal);
    private readonly List<AlertPlan> _unfiltered = [];

    // How many alerts read each field; the MemoryIndex of the fallback holds only these.
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
                AddLocked(alert);
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

            using var terms = ArticleTerms.Read(article, _vocabulary, _analyzer);
            IndexSearcher? searcher = null;
            IndexSearcher Searcher() => searcher ??= OneDocumentIndex.Create(article, _fieldUse, _analyzer);
            var matched = new List<string>();
            foreach (var plan in Candidates(article, terms))
            {
                if (KeptByFilters(plan.Alert, article) && (plan.Query.Matches(terms) ?? OneDocumentIndex.Matches(Searcher(), plan.Alert.Query)))
                {
                    matched.Add(plan.Alert.Alert.Id);
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
    /// Decides one alert's query on the article through Lucene alone (the MemoryIndex), ignoring its plan and
    /// filters: what the plan must agree with wherever it decides (tests hold the two to it).
    /// </summary>
    public bool MatchesInLucene(CompiledAlert alert, Article article)
    {
        _lock.EnterReadLock();
        try
        {
            return OneDocumentIndex.Matches(OneDocumentIndex.Create(article, _fieldUse, _analyzer), alert.Query);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Decides one saved alert's query on the article by its plan (null: the plan leaves it to Lucene).</summary>
    public bool? MatchesByPlan(string id, Article article)
    {
        _lock.EnterReadLock();
        try
        {
            using var terms = ArticleTerms.Read(article, _vocabulary, _analyzer);
            return _byId[id].Query.Matches(terms);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Alerts that could match: one of their pre-filter terms or values is in the article, or they have none.</summary>
    private HashSet<AlertPlan> Candidates(Article article, ArticleTerms terms)
    {
        var candidates = new HashSet<AlertPlan>(_unfiltered, ReferenceEqualityComparer.Instance);
        foreach (var term in terms.Held)
        {
            candidates.UnionWith(term.Prefiltered);
        }

        void Look(string key)
        {
            if (_byFilterValue.TryGetValue(key, out var alerts))
            {
                candidates.UnionWith(alerts);
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

    private void AddLocked(CompiledAlert alert)
    {
        RemoveLocked(alert.Alert.Id);
        var planner = new QueryPlanner(_vocabulary);
        var query = planner.Plan(alert.Query);
        var prefilterTerms = new List<VocabularyTerm>();
        var prefilterValues = new List<string>();
        var servable = alert.Prefilter is not null;
        foreach (var key in alert.Prefilter ?? new HashSet<string>())
        {
            var split = key.IndexOf('\u0000', StringComparison.Ordinal);
            var field = key[..split];
            if (ArticleTerms.AnalysedFields.Contains(field))
            {
                prefilterTerms.Add(_vocabulary.Acquire(field, key[(split + 1)..]));
            }
            else if (FilterFields.Contains(field))
            {
                prefilterValues.Add(key);
            }
            else
            {
                servable = false; // No article value leads to it: the alert is checked against every article.
            }
        }

        var plan = new AlertPlan(alert, query, [.. planner.Terms, .. prefilterTerms], servable ? prefilterValues : []);
        _byId[alert.Alert.Id] = plan;
        foreach (var field in alert.Fields)
        {
            _fieldUse[field] = _fieldUse.GetValueOrDefault(field) + 1;
        }

        if (!servable)
        {
            _unfiltered.Add(plan);
            return;
        }

        foreach (var term in prefilterTerms.Distinct())
        {
            term.Prefiltered.Add(plan);
        }

        foreach (var key in plan.FilterValues)
        {
            if (!_byFilterValue.TryGetValue(key, out var list))
            {
                _byFilterValue[key] = list = [];
            }

            list.Add(plan);
        }
    }

    private bool RemoveLocked(string id)
    {
        if (!_byId.Remove(id, out var plan))
        {
            return false;
        }

        foreach (var field in plan.Alert.Fields)
        {
            if ((_fieldUse[field] -= 1) == 0)
            {
                _fieldUse.Remove(field);
            }
        }

        if (!_unfiltered.Remove(plan))
        {
            foreach (var term in plan.Terms)
            {
                term.Prefiltered.Remove(plan);
            }

            foreach (var key in plan.FilterValues)
            {
                if (_byFilterValue.TryGetValue(key, out var list) && list.Remove(plan) && list.Count == 0)
                {
                    _byFilterValue.Remove(key);
                }
            }
        }

        foreach (var term in plan.Terms)
        {
            _vocabulary.Release(term);
        }

        return true;
    }

    public void Dispose()
    {
        _analyzer.Dispose();
        _lock.Dispose();
    }
}
