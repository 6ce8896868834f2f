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

        var foreground = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            var table = TableOf(leaf.AtomicReader, cancellationToken);
            foreach (var id in table.TermsOf(doc - leaf.DocBase))
            {
                var term = table.Term(id);
                foreground[term] = foreground.GetValueOrDefault(term) + 1;
            }
        }

        var tables = leaves.Select(l => TableOf(l.AtomicReader, cancellationToken)).ToList();
        var backgroundSize = Math.Max(1, tables.Sum(t => t.DocCount));
        var queryWords = QueryWords(queryText);
        // Elasticsearch's min_doc_count is 3: a term in one or two articles is chance, not a trend.
        var minCount = docs.Count < 30 ? 2 : 3;
        var scored = new List<SignificantTerm>();
        foreach (var (term, count) in foreground)
        {
            if (count < minCount || queryWords.Contains(term))
            {
                continue;
            }

            var background = Math.Max(count, tables.Sum(t => t.IdOf(term) is var id and >= 0 ? t.DocFreq(id) : 0));
            double fg = (double)count / docs.Count, bg = (double)background / backgroundSize;
            if (fg > bg)
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
    /// The segment's table, built on first use. The build is not cancelled with the request that happens to
    /// trigger it: the table serves every later request, and a cancelled build would be cached as a failure.
    /// </summary>
    private SegmentTermTable TableOf(AtomicReader reader, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _tables.GetValue(reader.CoreCacheKey,
            _ => new Lazy<SegmentTermTable>(() => SegmentTermTable.Build(reader, _analyzer, CancellationToken.None))).Value;
    }

    public void Dispose() => _analyzer.Dispose();
}
