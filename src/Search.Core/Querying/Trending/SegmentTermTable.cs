using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Querying.Trending;

/// <summary>
/// A small forward index of one segment for trending terms: for each document, the distinct candidate words
/// and pairs (<see cref="TrendingWords"/>) of its headline and the lead of its body, as ids of two
/// <see cref="TermVocabulary"/>s (words and pairs are numbered apart, so the ~150,000 words a request counts for
/// every sampled article sit in a small range of the counting array that stays in cache, away from millions of
/// pairs), with each term's document frequency in the segment. Lucene keeps no per-document term lists without term
/// vectors, and re-analysing 500 stored bodies per request would cost several times the search itself;
/// reading these arrays costs microseconds. Built once per segment core, so a refresh after a write builds
/// only the new small segment. Deleted documents still count in the background until their segment merges.
/// </summary>
/// <remarks>
/// A document's entry is its words, then its pairs, each pair as two ints: its id and where its two words stand in
/// the document's word list (16 bits each). A pair is in no more documents than either of its words, so a request
/// counts a pair only when both words are frequent enough in the sample, reading their counts from the few it has
/// just written instead of the pair's own, scattered over the whole vocabulary. That costs one int per pair here.
/// </remarks>
public sealed class SegmentTermTable
{
    /// <summary>
    /// How much of the body is read: the lead paragraph carries the story's subject; later text adds mostly
    /// quotes and background, and reading it all would multiply the build time and memory.
    /// </summary>
    public const int LeadLength = 600;

    // Document frequencies as two parallel arrays (term id, documents): a third of a dictionary's memory, and
    // only ever walked whole, when the index-wide background (BackgroundFrequencies) adds or drops the segment.
    private readonly int[] _wordDfIds;
    private readonly int[] _wordDfCounts;
    private readonly int[] _pairDfIds;
    private readonly int[] _pairDfCounts;
    private readonly int[] _starts;
    private readonly int[] _pairStarts;
    private readonly int[] _ids;

    private SegmentTermTable(Dictionary<int, int> wordDocFreq, Dictionary<int, int> pairDocFreq, int[] starts, int[] pairStarts, int[] ids, int docCount)
    {
        _wordDfIds = [.. wordDocFreq.Keys];
        _wordDfCounts = [.. wordDocFreq.Values];
        _pairDfIds = [.. pairDocFreq.Keys];
        _pairDfCounts = [.. pairDocFreq.Values];
        _starts = starts;
        _pairStarts = pairStarts;
        _ids = ids;
        DocCount = docCount;
        MaxWordId = _wordDfIds.Length == 0 ? -1 : _wordDfIds.Max();
        MaxPairId = _pairDfIds.Length == 0 ? -1 : _pairDfIds.Max();
    }

    /// <summary>Documents the table was built from (the background size).</summary>
    public int DocCount { get; }

    /// <summary>The largest word id in the segment (-1 when it has none).</summary>
    public int MaxWordId { get; }

    /// <summary>The largest pair id in the segment (-1 when it has none).</summary>
    public int MaxPairId { get; }

    /// <summary>
    /// Adds (<paramref name="sign"/> 1) or subtracts (-1) the segment's document frequencies of words (or of pairs,
    /// when <paramref name="pairs"/>) to <paramref name="docFreq"/>, indexed by id.
    /// </summary>
    public void AddDocFreqsTo(int[] docFreq, int sign, bool pairs)
    {
        var (ids, counts) = pairs ? (_pairDfIds, _pairDfCounts) : (_wordDfIds, _wordDfCounts);
        for (var i = 0; i < ids.Length; i++)
        {
            docFreq[ids[i]] += sign * counts[i];
        }
    }

    /// <summary>The word ids of segment document <paramref name="doc"/>.</summary>
    public ReadOnlySpan<int> WordsOf(int doc) => _ids.AsSpan(_starts[doc], _pairStarts[doc] - _starts[doc]);

    /// <summary>
    /// The pairs of segment document <paramref name="doc"/>, two ints each: the pair's id, then the positions of its
    /// first word (low 16 bits) and second word (high 16 bits) in <see cref="WordsOf"/>.
    /// </summary>
    public ReadOnlySpan<int> PairsOf(int doc) => _ids.AsSpan(_pairStarts[doc], _starts[doc + 1] - _pairStarts[doc]);

    /// <summary>Reads every live document's headline (doc values) and body lead (stored) and tabulates their terms.</summary>
    public static SegmentTermTable Build(AtomicReader reader, ArticleAnalyzer analyzer, TermVocabulary words, TermVocabulary pairVocabulary,
        CancellationToken cancellationToken)
    {
        var maxDoc = reader.MaxDoc;
        var titles = reader.GetBinaryDocValues(ArticleFields.TitleValue);
        var hasTitle = reader.GetDocsWithField(ArticleFields.TitleValue);
        var live = reader.LiveDocs;
        var wordDocFreq = new Dictionary<int, int>();
        var pairDocFreq = new Dictionary<int, int>();
        var starts = new int[maxDoc + 1];
        var pairStarts = new int[maxDoc];
        var docIds = new List<int>(maxDoc * 48);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var wordIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new List<int>();
        var bytes = new BytesRef();
        var docCount = 0;
        static int Count(string term, TermVocabulary vocabulary, Dictionary<int, int> docFreq)
        {
            var id = vocabulary.IdOf(term);
            docFreq[id] = docFreq.GetValueOrDefault(id) + 1;
            return id;
        }

        void AddWord(string word)
        {
            wordIndex[word] = wordIndex.Count;
            docIds.Add(Count(word, words, wordDocFreq));
        }

        void AddPair(string pair, string first, string second)
        {
            // Past 65,535 words (never within a lead) a pair is left out rather than mis-pointed.
            if (wordIndex[first] <= ushort.MaxValue && wordIndex[second] <= ushort.MaxValue)
            {
                pairs.Add(Count(pair, pairVocabulary, pairDocFreq));
                pairs.Add(wordIndex[first] | (wordIndex[second] << 16));
            }
        }

        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = docIds.Count;
            pairStarts[doc] = docIds.Count;
            if (live is not null && !live.Get(doc))
            {
                continue;
            }

            if ((doc & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            docCount++;
            seen.Clear();
            wordIndex.Clear();
            pairs.Clear();
            if (titles is not null && hasTitle?.Get(doc) == true)
            {
                titles.Get(doc, bytes);
                TrendingWords.Extract(analyzer, bytes.Utf8ToString(), seen, AddWord, AddPair);
            }

            var body = StoredArticles.ReadBody(reader, doc);
            TrendingWords.Extract(analyzer, Lead(body), seen, AddWord, AddPair);
            pairStarts[doc] = docIds.Count;
            docIds.AddRange(pairs);
        }

        starts[maxDoc] = docIds.Count;
        return new SegmentTermTable(wordDocFreq, pairDocFreq, starts, pairStarts, [.. docIds], docCount);
    }

    /// <summary>The body's first <see cref="LeadLength"/> characters, cut at a space so no word is halved.</summary>
    private static string Lead(string body)
    {
        if (body.Length <= LeadLength)
        {
            return body;
        }

        var cut = body.LastIndexOf(' ', LeadLength);
        return body[..(cut > 0 ? cut : LeadLength)];
    }
}
