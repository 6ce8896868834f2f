using Lucene.Net.Index;
using Lucene.Net.Search.Spans;

namespace Search.Core.Querying.Highlighting;

/// <summary>
/// Walks one segment's hits of a page in increasing doc order with one set of span and postings enumerations,
/// instead of opening them again for every hit: opening an enumeration seeks the term dictionary and clones
/// file handles, which cost more than reading one document's positions. Enumerations only move forward, so
/// callers ask for documents in increasing order.
/// </summary>
internal sealed class LeafMatchCursor
{
    private readonly AtomicReaderContext _leaf;
    private readonly HighlightQuery _query;
    private readonly Spans?[] _spans;
    private readonly bool[] _started;
    private readonly Dictionary<Term, DocsAndPositionsEnum?> _postings = [];
    private TermsEnum? _terms;

    public LeafMatchCursor(AtomicReaderContext leaf, HighlightQuery query)
    {
        _leaf = leaf;
        _query = query;
        var contexts = new Dictionary<Term, TermContext>();
        _spans = [.. query.Spans.Select(span => (Spans?)span.GetSpans(leaf, null, contexts))];
        _started = new bool[_spans.Length];
        HasOffsets = MatchOffsets.HasOffsets(leaf.AtomicReader, query.Field);
    }

    /// <summary>The segment.</summary>
    public AtomicReaderContext Leaf => _leaf;

    /// <summary>Whether the segment keeps offsets for the field (else the text is analysed again).</summary>
    public bool HasOffsets { get; }

    /// <summary>Match positions (first, after last) of segment document <paramref name="doc"/>, in span order.</summary>
    public List<(int Start, int End)> Positions(int doc)
    {
        var positions = new List<(int Start, int End)>();
        for (var i = 0; i < _spans.Length; i++)
        {
            var spans = _spans[i];
            if (spans is null)
            {
                continue;
            }

            // Spans.SkipTo moves beyond the current match, so it is only called while behind the document.
            if ((!_started[i] || spans.Doc < doc) && !spans.SkipTo(doc))
            {
                _spans[i] = null;
                continue;
            }

            _started[i] = true;
            while (spans.Doc == doc)
            {
                positions.Add((spans.Start, spans.End));
                if (!spans.MoveNext())
                {
                    _spans[i] = null;
                    break;
                }
            }
        }

        return positions;
    }

    /// <summary>Character ranges of <paramref name="positions"/> in document <paramref name="doc"/>, from the postings' offsets.</summary>
    public List<MatchRange> Offsets(int doc, List<(int Start, int End)> positions)
    {
        var onDoc = new List<DocsAndPositionsEnum>(_query.Terms.Count);
        foreach (var term in _query.Terms)
        {
            if (Postings(term) is { } postings && (postings.DocID >= doc || postings.Advance(doc) >= doc) && postings.DocID == doc)
            {
                onDoc.Add(postings);
            }
        }

        return MatchOffsets.FromPostings(onDoc, positions);
    }

    private DocsAndPositionsEnum? Postings(Term term)
    {
        if (!_postings.TryGetValue(term, out var postings))
        {
            _terms ??= _leaf.AtomicReader.GetTerms(_query.Field)?.GetEnumerator();
            postings = term.Field == _query.Field && _terms is not null && _terms.SeekExact(term.Bytes)
                ? _terms.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS)
                : null;
            _postings[term] = postings;
        }

        return postings;
    }
}
