using Search.Core.Indexing;

namespace Search.Core.Querying.Trending;

/// <summary>
/// The last step of trending terms: the best-scored term ids (<see cref="Heap"/>) become strings, best first,
/// without the query's own words and without a single word that occurs mostly inside a better-scored pair.
/// Only this shortlist is ever turned into strings, so the step costs the same for any sample size.
/// </summary>
internal sealed class TrendingTermsPresenter(ArticleAnalyzer analyzer, TermVocabulary words, TermVocabulary pairs)
{
    /// <summary>The heap key of pair <paramref name="id"/>: negative, so words and pairs share one heap.</summary>
    public static int PairKey(int id) => ~id;

    /// <summary>An empty heap sized for a list of <paramref name="size"/> terms (three times as many, as some are dropped).</summary>
    /// <remarks>Ties are broken by term (as <see cref="Present(IEnumerable{SignificantTerm}, string?, int)"/> does), so the shortlist does not depend on the ids the vocabularies gave.</remarks>
    public Heap Shortlist(int size) => new((size * 3) + 16, key => key >= 0 ? words.Term(key) : pairs.Term(~key));

    /// <summary>The heap's terms, best first (score, then term), at most <paramref name="size"/>.</summary>
    public List<SignificantTerm> Present(Heap best, string? queryText, int size)
    {
        var shortlist = new List<SignificantTerm>(best.Count);
        while (best.TryDequeue(out var entry))
        {
            shortlist.Add(new SignificantTerm(entry.Id >= 0 ? words.Term(entry.Id) : pairs.Term(~entry.Id), entry.Count, entry.Score));
        }

        return Finish(shortlist, queryText, size);
    }

    /// <summary>
    /// Scored terms counted elsewhere (a sharded index's sums), presented as <see cref="Present(Heap, string?, int)"/>
    /// presents a heap: the same shortlist (score, then term), the same filters.
    /// </summary>
    public List<SignificantTerm> Present(IEnumerable<SignificantTerm> scored, string? queryText, int size) =>
        Finish([.. scored.OrderByDescending(t => t.Score).ThenBy(t => t.Term, StringComparer.Ordinal).Take((size * 3) + 16)], queryText, size);

    private List<SignificantTerm> Finish(List<SignificantTerm> shortlist, string? queryText, int size)
    {
        if (shortlist.Count == 0)
        {
            return [];
        }

        var (queryWords, queryStems) = QueryTerms(queryText);
        var scored = shortlist.Where(t => !IsQueryWord(t.Term, queryWords, queryStems)).ToList();

        scored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Term, b.Term));
        if (scored.Count > size * 3)
        {
            scored.RemoveRange(size * 3, scored.Count - (size * 3));
        }

        return DropCoveredWords(scored, size);
    }

    /// <summary>Leaves out a single word that occurs mostly inside a better-scored pair already listed.</summary>
    private static List<SignificantTerm> DropCoveredWords(List<SignificantTerm> ranked, int size)
    {
        var kept = new List<SignificantTerm>(size);
        foreach (var term in ranked)
        {
            var covered = !term.Term.Contains(' ', StringComparison.Ordinal)
                && kept.Exists(pair => PairHolds(pair.Term, term.Term) && pair.Count >= 0.8 * term.Count);
            if (!covered)
            {
                kept.Add(term);
            }

            if (kept.Count == size)
            {
                break;
            }
        }

        return kept;
    }

    /// <summary>Whether the two-word <paramref name="pair"/> has <paramref name="word"/> as one of its words.</summary>
    private static bool PairHolds(string pair, string word)
    {
        var space = pair.IndexOf(' ', StringComparison.Ordinal);
        return space >= 0 && (pair.AsSpan(0, space).SequenceEqual(word) || pair.AsSpan(space + 1).SequenceEqual(word));
    }

    /// <summary>
    /// The query's words and pairs, and the stems (four letters or more) of its words: the surface and stemmed
    /// analyses of the whole text give the same tokens in the same order (stemming only rewrites a token), so two
    /// passes give both, not one pass per word.
    /// </summary>
    private (HashSet<string> Words, List<string> Stems) QueryTerms(string? queryText)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var stems = new List<string>();
        if (string.IsNullOrWhiteSpace(queryText))
        {
            return (words, stems);
        }

        TrendingWords.Extract(analyzer, queryText, words, _ => { });
        var surface = analyzer.Terms(ArticleFields.Words, queryText);
        var stemmed = analyzer.Terms(ArticleFields.Body, queryText);
        for (var i = 0; i < surface.Count; i++)
        {
            // Only the words kept as candidates (no stop word, furniture or number) exclude terms by their stem.
            var stem = surface.Count == stemmed.Count ? stemmed[i] : analyzer.Terms(ArticleFields.Body, surface[i]).FirstOrDefault() ?? surface[i];
            if (words.Contains(surface[i]) && stem.Length >= 4)
            {
                stems.Add(stem);
            }
        }

        return (words, stems);
    }

    /// <summary>
    /// Whether a term repeats the query: one of its words or pairs, or a single word starting with the stem of
    /// a query word ("olympic" for "olympics"), checked by prefix so no candidate is re-analysed.
    /// </summary>
    private static bool IsQueryWord(string term, HashSet<string> queryWords, List<string> queryStems) =>
        queryWords.Contains(term)
        || (!term.Contains(' ', StringComparison.Ordinal) && queryStems.Exists(stem => term.StartsWith(stem, StringComparison.Ordinal)));

    /// <summary>
    /// The best <c>capacity</c> terms offered (words by id, pairs by <see cref="PairKey"/>), by score (then the lower key): a min-heap whose root is the worst kept,
    /// so a term no better than it is turned away without touching the heap.
    /// </summary>
    public sealed class Heap(int capacity, Func<int, string> termOf)
    {
        private readonly BestLast _order = new(termOf);
        private readonly PriorityQueue<(int Id, int Count, double Score), (double Score, int Id)> _queue = new(capacity + 1, new BestLast(termOf));

        public int Count => _queue.Count;

        public void Offer(int id, int count, double score)
        {
            if (_queue.Count == capacity && _queue.TryPeek(out _, out var worst) && _order.Compare((score, id), worst) <= 0)
            {
                return;
            }

            _queue.Enqueue((id, count, score), (score, id));
            if (_queue.Count > capacity)
            {
                _queue.Dequeue();
            }
        }

        /// <summary>Removes the worst kept term.</summary>
        public bool TryDequeue(out (int Id, int Count, double Score) entry) => _queue.TryDequeue(out entry, out _);
    }

    /// <summary>Orders the heap so the lowest score (then the last term in ordinal order) leaves first; ties are rare, so reading terms costs little.</summary>
    private sealed class BestLast(Func<int, string> termOf) : IComparer<(double Score, int Id)>
    {
        public int Compare((double Score, int Id) x, (double Score, int Id) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : x.Id == y.Id ? 0 : string.CompareOrdinal(termOf(y.Id), termOf(x.Id));
    }
}
