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
/// that nearly always occurs inside a reported pair ("supreme" beside "supreme court"); see <see cref="TrendingTermsPresenter"/>.
/// Thread-safe.
/// </summary>
public sealed class SignificantTermsFinder : IDisposable
{
    /// <summary>Most matches ever read (the limit); a larger sample is cut to it.</summary>
    public const int MaxSample = 500;

    /// <summary>
    /// Matches read unless <see cref="SearchOptions.TrendingSampleSize"/> says otherwise. The terms of the query's
    /// subject are clearest at the top of the ranking: on the bench queries over the AllSides corpus, 100 keep most of
    /// the top ten a 500-match sample finds, nearly as many as 200 do (docs/benchmarks.md), at half the counting;
    /// Elasticsearch's own advice for significant_text is a sampler of 100–200 top documents per shard.
    /// </summary>
    public const int DefaultSample = 100;

    /// <summary>How many terms are reported.</summary>
    public const int DefaultSize = 12;

    private readonly ArticleAnalyzer _analyzer = new();
    private readonly TermVocabulary _words = new();
    private readonly TermVocabulary _pairs = new();
    private readonly ConditionalWeakTable<object, Lazy<SegmentTermTable>> _tables = [];
    private readonly BackgroundFrequencies _wordBackground = new(pairs: false);
    private readonly BackgroundFrequencies _pairBackground = new(pairs: true);
    private readonly TrendingTermsPresenter _presenter;

    public SignificantTermsFinder() => _presenter = new TrendingTermsPresenter(_analyzer, _words, _pairs);

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

        UpdateBackground(reader, cancellationToken);
    }

    /// <summary>Moves both backgrounds to <paramref name="reader"/> (a no-op once they are there or on a newer reader).</summary>
    private void UpdateBackground(IndexReader reader, CancellationToken cancellationToken)
    {
        _wordBackground.Update(reader, leaf => TableOf(leaf, cancellationToken));
        _pairBackground.Update(reader, leaf => TableOf(leaf, cancellationToken));
    }

    /// <summary>
    /// The significant terms of a sample counted elsewhere (a sharded index: each shard counts its part of the sample
    /// and its background): the same scoring, shortlist and filters wherever the counts come from, so equal counts give equal terms.
    /// </summary>
    /// <param name="counts">Sampled matches holding each term.</param>
    /// <param name="docFreqs">Articles of the whole index holding each term (a term missing counts 0).</param>
    /// <param name="sampleSize">Matches in the sample.</param>
    /// <param name="backgroundSize">Articles in the background.</param>
    /// <param name="queryText">The query (after aliases), whose words are left out.</param>
    /// <param name="size">How many terms to report.</param>
    public IReadOnlyList<SignificantTerm> Rank(IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, int> docFreqs, int sampleSize,
        int backgroundSize, string? queryText, int size = DefaultSize)
    {
        var minCount = MinCount(sampleSize);
        if (sampleSize < minCount)
        {
            return [];
        }

        backgroundSize = Math.Max(1, backgroundSize);
        var scored = new List<SignificantTerm>();
        foreach (var (term, count) in counts)
        {
            if (count < minCount)
            {
                continue;
            }

            double fg = (double)count / sampleSize, bg = (double)Math.Max(count, docFreqs.GetValueOrDefault(term)) / backgroundSize;
            if (fg > bg)
            {
                scored.Add(new SignificantTerm(term, count, Math.Round((fg - bg) * (fg / bg), 4)));
            }
        }

        return _presenter.Present(scored, queryText, size);
    }

    /// <summary>The terms of <paramref name="counts"/> (a sample's counts summed over shards) frequent enough to be scored.</summary>
    public static IEnumerable<string> Candidates(IReadOnlyDictionary<string, int> counts, int sampleSize) =>
        counts.Where(pair => pair.Value >= MinCount(sampleSize)).Select(pair => pair.Key);

    /// <summary>
    /// Sampled articles holding each word and pair, over <paramref name="docs"/> (global doc ids of <paramref name="reader"/>):
    /// a shard's part of a sharded sample. Every pair is counted (one index skips pairs whose words cannot qualify; such a
    /// pair cannot either, so the terms scored are the same).
    /// </summary>
    public Dictionary<string, int> CountTerms(IndexReader reader, IReadOnlyList<int> docs, CancellationToken cancellationToken)
    {
        var leaves = reader.Leaves;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string term) => counts[term] = counts.GetValueOrDefault(term) + 1;
        foreach (var doc in docs)
        {
            var leaf = ReaderUtil.SubIndex(doc, leaves);
            var table = TableOf(leaves[leaf].AtomicReader, cancellationToken);
            var local = doc - leaves[leaf].DocBase;
            foreach (var id in table.WordsOf(local))
            {
                Add(_words.Term(id));
            }

            var pairs = table.PairsOf(local);
            for (var p = 0; p < pairs.Length; p += 2)
            {
                Add(_pairs.Term(pairs[p]));
            }
        }

        return counts;
    }

    /// <summary>The background of <paramref name="reader"/>: its article count and how many hold each of <paramref name="terms"/>.</summary>
    public (int DocCount, int[] DocFreqs) Background(IndexReader reader, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        UpdateBackground(reader, cancellationToken);
        return (_wordBackground.DocCount, [.. terms.Select(term => term.Contains(' ', StringComparison.Ordinal)
            ? _pairs.TryGetId(term, out var pair) ? _pairBackground.DocFreq(pair) : 0
            : _words.TryGetId(term, out var word) ? _wordBackground.DocFreq(word) : 0)]);
    }

    /// <summary>Elasticsearch's min_doc_count is 3: a term in one or two articles is chance, not a trend (2 in a small sample).</summary>
    private static int MinCount(int sampleSize) => sampleSize < 30 ? 2 : 3;

    /// <summary>
    /// The segment's table, built on first use. The build is not cancelled with the request that happens to
    /// trigger it: the table serves every later request, and a cancelled build would be cached as a failure.
    /// </summary>
    private SegmentTermTable TableOf(AtomicReader reader, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _tables.GetValue(reader.CoreCacheKey,
            _ => new Lazy<SegmentTermTable>(() => SegmentTermTable.Build(reader, _analyzer, _words, _pairs, CancellationToken.None))).Value;
    }

    public void Dispose() => _analyzer.Dispose();
}
