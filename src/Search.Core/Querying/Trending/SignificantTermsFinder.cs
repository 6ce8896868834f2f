using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Search.Core.Indexing;

namespace Search.Core.Querying.Trending;

/// <summary>
/// Words and two-word phrases unusually frequent in a sample of the matches compared with the whole index:
/// the idea of Elasticsearch's significant_text. Foreground: the share of sampled matches containing the term;
/// background: the share of all articles containing it (from each segment's <see cref="SegmentTermTable"/>).
/// Scored with JLH, which favours terms both common in the sample and rare elsewhere. The query's own words
/// are left out (they are significant by construction, and a chip should add something new), and so is a word
/// that nearly always occurs inside a reported pair ("supreme" beside "supreme court"). Thread-safe.
/// </summary>
public sealed class SignificantTermsFinder : IDisposable
{
    /// <summary>Most matches read: the top of the ranking is where a query's subject is clearest, and the cost stays flat.</summary>
    public const int MaxSample = 500;

    /// <summary>How many terms are reported.</summary>
    public const int DefaultSize = 12;

    private readonly ArticleAnalyzer _analyzer = new();
    private readonly TermVocabulary _vocabulary = new();
    private readonly ConditionalWeakTable<object, Lazy<SegmentTermTable>> _tables = [];

    /// <summary>Builds the tables of every segment of <paramref name="reader"/> not built yet (call when a reader opens).</summary>
    public void Warm(IndexReader reader, CancellationToken cancellationToken = default)
    {
        foreach (var leaf in reader.Leaves)
        {
            _ = TableOf(leaf.AtomicReader, cancellationToken);
        }
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

        // Integer ids shared by every segment: counting hashes no strings.
        var foreground = new Dictionary<int, int>(docs.Count * 64);
        foreach (var doc in docs)
        {
            var leaf = ReaderUtil.SubIndex(doc, leaves);
            foreach (var id in tables[leaf].TermsOf(doc - leaves[leaf].DocBase))
            {
                foreground[id] = foreground.GetValueOrDefault(id) + 1;
            }
        }

        var backgroundSize = 0;
        foreach (var table in tables)
        {
            backgroundSize += table.DocCount;
        }

        var queryWords = QueryWords(queryText);
        var queryStems = queryWords.Where(w => !w.Contains(' ', StringComparison.Ordinal))
            .Select(w => _analyzer.Terms(ArticleFields.Body, w).FirstOrDefault() ?? w).Where(s => s.Length >= 4).ToList();
        // Elasticsearch's min_doc_count is 3: a term in one or two articles is chance, not a trend.
        var minCount = docs.Count < 30 ? 2 : 3;
        var scored = new List<SignificantTerm>();
        foreach (var (id, count) in foreground)
        {
            if (count < minCount)
            {
                continue;
            }

            var background = 0;
            foreach (var table in tables)
            {
                background += table.DocFreq(id);
            }

            double fg = (double)count / docs.Count, bg = (double)Math.Max(count, background) / Math.Max(1, backgroundSize);
            if (fg <= bg)
            {
                continue;
            }

            var term = _vocabulary.Term(id);
            if (!IsQueryWord(term, queryWords, queryStems))
            {
                scored.Add(new SignificantTerm(term, count, Math.Round((fg - bg) * (fg / bg), 4)));
            }
        }

        return DropCoveredWords(scored.OrderByDescending(t => t.Score).ThenBy(t => t.Term, StringComparer.Ordinal).Take(size * 3).ToList(), size);
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
}
