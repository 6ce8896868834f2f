using System.Buffers;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Core.Alerts;

/// <summary>
/// One article analysed once for alert matching: for each vocabulary term (<see cref="AlertVocabulary"/>) the
/// article holds, its positions in its field, in increasing order. Fields are analysed as
/// <see cref="AlertMatcher"/> gives them to the MemoryIndex (same analyzer, same text, multi-valued fields joined
/// by a space) and positions counted as MemoryIndex counts them, so a query decided here is decided as Lucene
/// would decide it there. Tokens no saved query reads are dropped as they come (with 10,000 bench alerts a news
/// article of ~950 tokens keeps ~220 distinct terms).
/// </summary>
internal sealed class ArticleTerms : IDisposable
{
    // By slot: 0 when the article does not hold the term, else 1 + its index in Held. A table rather than a
    // dictionary: every token and every candidate's every term asks it. Rented, like the other arrays, as an
    // article's matching would otherwise allocate and zero them anew.
    private readonly int[] _bySlot;

    // Each hit (a token some query reads) in order met: which held term, at which position. Once every field is
    // read they are laid out by term into _positions, each term's run starting at _starts[held index].
    private int[] _hitTerms = ArrayPool<int>.Shared.Rent(256);
    private int[] _hitPositions = ArrayPool<int>.Shared.Rent(256);
    private int _hits;
    private readonly List<int> _counts = [];
    private int[] _starts = [];
    private int[] _positions = [];

    private ArticleTerms(Article article, int slots)
    {
        Published = article.Published?.DayNumber;
        _bySlot = ArrayPool<int>.Shared.Rent(Math.Max(1, slots));
        Array.Clear(_bySlot, 0, slots);
    }

    /// <summary>The fields analysed for matching (the text fields of <see cref="ArticleDocumentMapper"/>).</summary>
    public static readonly IReadOnlySet<string> AnalysedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        ArticleFields.Title, ArticleFields.Body, ArticleFields.Outlet, ArticleFields.Speaker, ArticleFields.Source, ArticleFields.Quote,
    };

    /// <summary>The publication day (days since 0001-01-01), as the published_days field indexes it.</summary>
    public int? Published { get; }

    /// <summary>The vocabulary terms the article holds, each once, in the order first met.</summary>
    public List<VocabularyTerm> Held { get; } = [];

    public bool Holds(VocabularyTerm term) => _bySlot[term.Slot] != 0;

    /// <summary>Positions of a term in its field, in increasing order (empty when the article does not hold it).</summary>
    public ReadOnlySpan<int> Positions(VocabularyTerm term) =>
        _bySlot[term.Slot] is var at and > 0 ? _positions.AsSpan(_starts[at - 1], _counts[at - 1]) : [];

    /// <summary>Analyses the article's text fields that some saved query reads a term of.</summary>
    public static ArticleTerms Read(Article article, AlertVocabulary vocabulary, Analyzer analyzer)
    {
        var terms = new ArticleTerms(article, vocabulary.SlotCount);
        foreach (var field in AnalysedFields)
        {
            if (vocabulary.Field(field) is { } lookup && TextOf(article, field) is { } text)
            {
                terms.Analyse(field, text, lookup, analyzer);
            }
        }

        terms.LayOut();
        return terms;
    }

    /// <summary>
    /// A field's text as the matcher analyses it and gives it to the MemoryIndex, which takes a field once: the
    /// values of a multi-valued field are joined by a space.
    /// </summary>
    public static string? TextOf(Article article, string field) => field switch
    {
        ArticleFields.Title => article.Title,
        ArticleFields.Body => article.Body,
        ArticleFields.Outlet => article.Outlet,
        ArticleFields.Speaker => Join(article.Speakers),
        ArticleFields.Source => Join(article.Sources),
        ArticleFields.Quote => Join(article.Quotes.Select(q => q.Text).ToList()),
        _ => null,
    };

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(" ", values);

    private void Analyse(string field, string text, Dictionary<string, VocabularyTerm>.AlternateLookup<ReadOnlySpan<char>> lookup, Analyzer analyzer)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var termAttribute = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            if (termAttribute.Length == 0)
            {
                continue; // MemoryIndex skips an empty term without moving the position.
            }

            position += increment.PositionIncrement;
            var chars = termAttribute.Buffer.AsSpan(0, termAttribute.Length);
            if (lookup.TryGetValue(chars, out var term) || (HasSurrogate(chars) && lookup.TryGetValue(AsIndexed(chars), out term)))
            {
                Add(term, position);
            }
        }

        stream.End();
    }

    private void Add(VocabularyTerm term, int position)
    {
        var at = _bySlot[term.Slot];
        if (at == 0)
        {
            Held.Add(term);
            _counts.Add(0);
            _bySlot[term.Slot] = at = Held.Count;
        }

        _counts[at - 1]++;
        if (_hits == _hitTerms.Length)
        {
            Grow(ref _hitTerms, _hits);
            Grow(ref _hitPositions, _hits);
        }

        _hitTerms[_hits] = at - 1;
        _hitPositions[_hits++] = position;
    }

    private static void Grow(ref int[] array, int used)
    {
        var larger = ArrayPool<int>.Shared.Rent(array.Length * 2);
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<int>.Shared.Return(array);
        array = larger;
    }

    /// <summary>Each term's positions side by side; a term lives in one field, read in order, so each run is sorted.</summary>
    private void LayOut()
    {
        _starts = ArrayPool<int>.Shared.Rent(Math.Max(1, Held.Count));
        _positions = ArrayPool<int>.Shared.Rent(Math.Max(1, _hits));
        var next = 0;
        for (var i = 0; i < Held.Count; i++)
        {
            _starts[i] = next;
            next += _counts[i];
        }

        // The starts serve as each term's cursor while filling, and are moved back after.
        for (var i = 0; i < _hits; i++)
        {
            _positions[_starts[_hitTerms[i]]++] = _hitPositions[i];
        }

        for (var i = 0; i < Held.Count; i++)
        {
            _starts[i] -= _counts[i];
        }
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_bySlot);
        ArrayPool<int>.Shared.Return(_hitTerms);
        ArrayPool<int>.Shared.Return(_hitPositions);
        if (_starts.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_starts);
            ArrayPool<int>.Shared.Return(_positions);
        }
    }

    private static bool HasSurrogate(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The term as the index stores it: UTF-8, where a lone surrogate becomes U+FFFD (Lucene and .NET agree), so
    /// a query term read back from its bytes is compared with the article's term in the same form.
    /// </summary>
    private static string AsIndexed(ReadOnlySpan<char> chars) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(chars.ToArray()));
}
