using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Querying.Trending;

/// <summary>
/// A small forward index of one segment for trending terms: for each document, the distinct candidate words
/// and pairs (<see cref="TrendingWords"/>) of its headline and the lead of its body, as <see cref="TermVocabulary"/>
/// ids, with each term's document frequency in the segment. Lucene keeps no per-document term lists without term
/// vectors, and re-analysing 500 stored bodies per request would cost several times the search itself;
/// reading these arrays costs microseconds. Built once per segment core, so a refresh after a write builds
/// only the new small segment. Deleted documents still count in the background until their segment merges.
/// </summary>
public sealed class SegmentTermTable
{
    /// <summary>
    /// How much of the body is read: the lead paragraph carries the story's subject; later text adds mostly
    /// quotes and background, and reading it all would multiply the build time and memory.
    /// </summary>
    public const int LeadLength = 600;


    // Document frequencies as two parallel arrays (term id, documents): a third of a dictionary's memory, and
    // only ever walked whole, when the index-wide background (BackgroundFrequencies) adds or drops the segment.
    private readonly int[] _dfIds;
    private readonly int[] _dfCounts;
    private readonly int[] _starts;
    private readonly int[] _ids;

    private SegmentTermTable(Dictionary<int, int> docFreq, int[] starts, int[] ids, int docCount)
    {
        _dfIds = [.. docFreq.Keys];
        _dfCounts = [.. docFreq.Values];
        _starts = starts;
        _ids = ids;
        DocCount = docCount;
        MaxId = _dfIds.Length == 0 ? -1 : _dfIds.Max();
    }

    /// <summary>Documents the table was built from (the background size).</summary>
    public int DocCount { get; }

    /// <summary>The largest term id in the segment (-1 when it has none).</summary>
    public int MaxId { get; }

    /// <summary>Adds (<paramref name="sign"/> 1) or subtracts (-1) the segment's document frequencies to <paramref name="docFreq"/>, indexed by term id.</summary>
    public void AddDocFreqsTo(int[] docFreq, int sign)
    {
        for (var i = 0; i < _dfIds.Length; i++)
        {
            docFreq[_dfIds[i]] += sign * _dfCounts[i];
        }
    }

    /// <summary>The term ids of segment document <paramref name="doc"/>.</summary>
    public ReadOnlySpan<int> TermsOf(int doc) => _ids.AsSpan(_starts[doc], _starts[doc + 1] - _starts[doc]);


    /// <summary>Reads every live document's headline (doc values) and body lead (stored) and tabulates their terms.</summary>
    public static SegmentTermTable Build(AtomicReader reader, ArticleAnalyzer analyzer, TermVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var maxDoc = reader.MaxDoc;
        var titles = reader.GetBinaryDocValues(ArticleFields.TitleValue);
        var hasTitle = reader.GetDocsWithField(ArticleFields.TitleValue);
        var live = reader.LiveDocs;
        var docFreq = new Dictionary<int, int>();
        var starts = new int[maxDoc + 1];
        var docIds = new List<int>(maxDoc * 32);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bytes = new BytesRef();
        var docCount = 0;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = docIds.Count;
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
            void Add(string term)
            {
                var id = vocabulary.IdOf(term);
                docFreq[id] = docFreq.GetValueOrDefault(id) + 1;
                docIds.Add(id);
            }

            if (titles is not null && hasTitle?.Get(doc) == true)
            {
                titles.Get(doc, bytes);
                TrendingWords.Extract(analyzer, bytes.Utf8ToString(), seen, Add);
            }

            var body = StoredArticles.ReadBody(reader, doc);
            TrendingWords.Extract(analyzer, Lead(body), seen, Add);
        }

        starts[maxDoc] = docIds.Count;
        return new SegmentTermTable(docFreq, starts, [.. docIds], docCount);
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
