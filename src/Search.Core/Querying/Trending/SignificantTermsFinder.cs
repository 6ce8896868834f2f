using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Search.Core.Indexing;

namespace Search.Core.Querying.Trending;

/// <summary>
/// Words and two-word phrases unusually frequent in a sample of the matches compared with the whole index:
/// the idea of Elasticsearch's significant_text. Foreground: the share of sampled matches containing the term;
/// background: the share of all articles containing it (<see cref="BackgroundFrequencies"/>, summed once per reader
/// from each segment's <see cref="SegmentTermTable"/>).
/// Scored with JLH, which favours terms both common in the sample and rare elsewhere. The query's own words
/// are left out (they are significant by construction, and a chip should add something new), and so is a word
/// that nearly always occurs inside a reported pair ("supreme" beside "supreme court"). Thread-safe.
/// </summary>
public sealed class SignificantTermsFinder : IDisposable
{
    /// <summary>
    /// Most matches read. The issue allows 500; 200 keep the terms of the query's subject (the top of the ranking
    /// is where it is clearest) at two fifths of the counting, and Elasticsearch's own advice for significant_text
    /// is a sampler of 100–200 top documents per shard.
    /// </summary>
    public const int MaxSample = 200;

    /// <summary>How many terms are reported.</summary>
    public const int DefaultSize = 12;

    private readonly ArticleAnalyzer _analyzer = new();
    private readonly TermVocabulary _vocabulary = new();
    private readonly ConditionalWeakTable<object, Lazy<SegmentTermTable>> _tables = [];
    private readonly BackgroundFrequencies _background = new();

    // Zeroed counting arrays indexed by term id, one per concurrent request: counting the sample's ~30,000 term
    // occurrences into an array costs a fraction of hashing them into a dictionary. A request clears the entries it
    // touched before it hands its array back.
    private readonly ConcurrentBag<int[]> _counters = [];

    /// <summary>
    /// Builds the tables of every segment of <paramref name="reader"/> not built yet and moves the background to it
    /// (call when a reader opens, off the request path).
    /// </summary>
    public void Warm(IndexReader reader, CancellationToken cancellationToken = default)
    {
        foreach (var leaf in reader.Leaves)
        {
            _ = TableOf(leaf.AtomicReader, cancellationToken);
        }

        _background.Update(reader, leaf => TableOf(leaf, cancellationToken));
    }

    /// <summary>
    /// The significant terms of <paramref name="sample"/> (global doc ids of <paramref name="reader"/>, best first;
    /// at most <see cref="MaxSample"/> are read).
    /// </summary>
    public IReadOnlyList<SignificantTerm> Find(IndexReader reader, IReadOnlyList<int> sample, string? queryText, CancellationToken cancellationToken,
        int size = DefaultSize)
    {
        var leaves = reader.Leaves;
        var docs = sample.Take(MaxSample).ToList();
        if (docs.Count == 0)
        {
            return [];
        }

        var tables = new SegmentTermTable[leaves.Count];
        for (var i = 0; i < leaves.Count; i++)
        {
            tables[i] = TableOf(leaves[i].AtomicReader, cancellationToken);
        }

        // A no-op once the refresh has moved the background to this reader (or a newer one).
        _background.Update(reader, leaf => TableOf(leaf, cancellationToken));
        var counts = RentCounter(_vocabulary.Count);
        var touched = new List<int>(docs.Count * 64);
        try
        {
            // Integer ids shared by every segment: counting hashes no strings.
            foreach (var doc in docs)
            {
                var leaf = ReaderUtil.SubIndex(doc, leaves);
                foreach (var id in tables[leaf].TermsOf(doc - leaves[leaf].DocBase))
                {
                    if (counts[id]++ == 0)
                    {
                        touched.Add(id);
                    }
                }
            }

            return Rank(counts, touched, docs.Count, queryText, size);
        }
        finally
        {
            foreach (var id in touched)
            {
                counts[id] = 0;
            }

            _counters.Add(counts);
        }
    }

    /// <summary>Scores the counted terms against the background and keeps the best <paramref name="size"/>.</summary>
    private List<SignificantTerm> Rank(int[] counts, List<int> touched, int sampleSize, string? queryText, int size)
    {
        var backgroundSize = Math.Max(1, _background.DocCount);
        var minCount = MinCount(sampleSize);
        // Only the best few are turned into strings and checked against the query: a bounded min-heap of scores.
        var keep = Kept(size);
        var best = new PriorityQueue<(int Id, int Count, double Score), (double Score, int Id)>(keep + 1, new BestLast(_vocabulary));
        foreach (var id in touched)
        {
            var count = counts[id];
            if (count < minCount || Score(count, _background.DocFreq(id), sampleSize, backgroundSize) is not { } score)
            {
                continue;
            }

            best.Enqueue((id, count, score), (score, id));
            if (best.Count > keep)
            {
                best.Dequeue();
            }
        }

        var candidates = new List<SignificantTerm>(best.Count);
        while (best.TryDequeue(out var entry, out _))
        {
            candidates.Add(new SignificantTerm(_vocabulary.Term(entry.Id), entry.Count, entry.Score));
        }

        return Finish(candidates, queryText, size);
    }

    /// <summary>
    /// The significant terms of a sample counted elsewhere (a sharded index: each shard counts its part of the
    /// sample and its background): the same scoring, cut and filters as <see cref="Find"/>, so equal counts give
    /// equal terms.
    /// </summary>
    /// <param name="counts">Sampled matches holding each term.</param>
    /// <param name="docFreqs">Articles of the whole index holding each term of <paramref name="counts"/> (a term missing counts 0).</param>
    /// <param name="sampleSize">Matches in the sample.</param>
    /// <param name="backgroundSize">Articles in the background.</param>
    /// <param name="queryText">The query (after aliases), whose words are left out.</param>
    /// <param name="size">How many terms to report.</param>
    public IReadOnlyList<SignificantTerm> Rank(IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, int> docFreqs, int sampleSize,
        int backgroundSize, string? queryText, int size = DefaultSize)
    {
        if (sampleSize == 0)
        {
            return [];
        }

        backgroundSize = Math.Max(1, backgroundSize);
        var minCount = MinCount(sampleSize);
        var candidates = new List<SignificantTerm>();
        foreach (var (term, count) in counts)
        {
            if (count >= minCount && Score(count, docFreqs.GetValueOrDefault(term), sampleSize, backgroundSize) is { } score)
            {
                candidates.Add(new SignificantTerm(term, count, score));
            }
        }

        return Finish([.. candidates.OrderByDescending(t => t.Score).ThenBy(t => t.Term, StringComparer.Ordinal).Take(Kept(size))], queryText, size);
    }

    /// <summary>The terms <see cref="MinCount"/> lets through (of <paramref name="counts"/>, a sample's counts summed over shards).</summary>
    public static IEnumerable<string> Candidates(IReadOnlyDictionary<string, int> counts, int sampleSize) =>
        counts.Where(pair => pair.Value >= MinCount(sampleSize)).Select(pair => pair.Key);

    // Elasticsearch's min_doc_count is 3: a term in one or two articles is chance, not a trend.
    private static int MinCount(int sampleSize) => sampleSize < 30 ? 2 : 3;

    /// <summary>How many of the best-scored terms are kept for the query-word and covered-word filters.</summary>
    private static int Kept(int size) => (size * 3) + 16;

    /// <summary>JLH, rounded so equal shares give equal scores; null when the term is no more frequent in the sample than elsewhere.</summary>
    private static double? Score(int count, int docFreq, int sampleSize, int backgroundSize)
    {
        double fg = (double)count / sampleSize, bg = (double)Math.Max(count, docFreq) / backgroundSize;
        return fg <= bg ? null : Math.Round((fg - bg) * (fg / bg), 4);
    }

    /// <summary>The kept candidates without the query's own words, best first, without words covered by a listed pair.</summary>
    private List<SignificantTerm> Finish(List<SignificantTerm> candidates, string? queryText, int size)
    {
        var queryWords = QueryWords(queryText);
        var queryStems = queryWords.Where(w => !w.Contains(' ', StringComparison.Ordinal))
            .Select(w => _analyzer.Terms(ArticleFields.Body, w).FirstOrDefault() ?? w).Where(s => s.Length >= 4).ToList();
        var scored = candidates.Where(t => !IsQueryWord(t.Term, queryWords, queryStems));
        return DropCoveredWords(scored.OrderByDescending(t => t.Score).ThenBy(t => t.Term, StringComparer.Ordinal).Take(size * 3).ToList(), size);
    }

    /// <summary>
    /// Sampled articles holding each term, over <paramref name="docs"/> (global doc ids of <paramref name="reader"/>):
    /// a shard's part of a sharded sample.
    /// </summary>
    public Dictionary<string, int> CountTerms(IndexReader reader, IReadOnlyList<int> docs, CancellationToken cancellationToken)
    {
        var leaves = reader.Leaves;
        var counts = new Dictionary<int, int>();
        foreach (var doc in docs)
        {
            var leaf = ReaderUtil.SubIndex(doc, leaves);
            foreach (var id in TableOf(leaves[leaf].AtomicReader, cancellationToken).TermsOf(doc - leaves[leaf].DocBase))
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts.ToDictionary(pair => _vocabulary.Term(pair.Key), pair => pair.Value, StringComparer.Ordinal);
    }

    /// <summary>The background of <paramref name="reader"/>: its article count and how many hold each of <paramref name="terms"/>.</summary>
    public (int DocCount, int[] DocFreqs) Background(IndexReader reader, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        _background.Update(reader, leaf => TableOf(leaf, cancellationToken));
        return (_background.DocCount, [.. terms.Select(term => _vocabulary.TryGetId(term, out var id) ? _background.DocFreq(id) : 0)]);
    }

    /// <summary>A zeroed counting array of at least <paramref name="length"/> entries.</summary>
    private int[] RentCounter(int length)
    {
        while (_counters.TryTake(out var counts))
        {
            if (counts.Length >= length)
            {
                return counts;
            }
        }

        // Room to grow, so a few new segments' terms do not force a new array on every request.
        return new int[length + (length / 4) + 1024];
    }

    /// <summary>Leaves out a single word that occurs mostly inside a better-scored pair already listed.</summary>
    private static List<SignificantTerm> DropCoveredWords(List<SignificantTerm> ranked, int size)
    {
        var kept = new List<SignificantTerm>();
        foreach (var term in ranked)
        {
            var covered = !term.Term.Contains(' ', StringComparison.Ordinal) && kept.Any(pair =>
                pair.Term.Split(' ').Contains(term.Term, StringComparer.Ordinal) && pair.Count >= 0.8 * term.Count);
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

    /// <summary>The query's words and pairs.</summary>
    private HashSet<string> QueryWords(string? queryText)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(queryText))
        {
            TrendingWords.Extract(_analyzer, queryText, words, _ => { });
        }

        return words;
    }

    /// <summary>
    /// Whether a term repeats the query: one of its words or pairs, or a single word starting with the stem of
    /// a query word ("olympic" for "olympics"), checked by prefix so no candidate is re-analysed.
    /// </summary>
    private static bool IsQueryWord(string term, HashSet<string> queryWords, List<string> queryStems) =>
        queryWords.Contains(term)
        || (!term.Contains(' ', StringComparison.Ordinal) && queryStems.Exists(stem => term.StartsWith(stem, StringComparison.Ordinal)));

    /// <summary>
    /// The segment's table, built on first use. The build is not cancelled with the request that happens to
    /// trigger it: the table serves every later request, and a cancelled build would be cached as a failure.
    /// </summary>
    private SegmentTermTable TableOf(AtomicReader reader, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _tables.GetValue(reader.CoreCacheKey,
            _ => new Lazy<SegmentTermTable>(() => SegmentTermTable.Build(reader, _analyzer, _vocabulary, CancellationToken.None))).Value;
    }

    public void Dispose() => _analyzer.Dispose();

    /// <summary>
    /// Orders the heap so the lowest score (then the last term in ordinal order) leaves first: the terms kept are the
    /// best by (score, term), as <see cref="Rank(IReadOnlyDictionary{string, int}, IReadOnlyDictionary{string, int}, int, int, string?, int)"/>
    /// keeps them, whatever ids the vocabulary gave. Ties are rare, so reading the terms costs little.
    /// </summary>
    private sealed class BestLast(TermVocabulary vocabulary) : IComparer<(double Score, int Id)>
    {
        public int Compare((double Score, int Id) x, (double Score, int Id) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score)
            : x.Id == y.Id ? 0
            : string.CompareOrdinal(vocabulary.Term(y.Id), vocabulary.Term(x.Id));
    }
}
