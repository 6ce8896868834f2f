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
/// would decide it there. Tokens no saved query reads are dropped as they come: an article has hundreds of
/// distinct words and the alerts read a few dozen of them.
/// </summary>
internal sealed class ArticleTerms : IDisposable
{
    // By slot: 0 when the article does not hold the term, else 1 + the index of its positions in _positions. A
    // table rather than a dictionary: every token and every candidate's every term asks it. Rented, as an
    // article's matching would otherwise allocate and zero one the size of the vocabulary.
    private readonly int[] _bySlot;
    private readonly List<List<int>> _positions = [];

    private ArticleTerms(Article article, int slots)
    {
        Published = article.Published?.DayNumber;
        _bySlot = ArrayPool<int>.Shared.Rent(Math.Max(1, slots));
        Array.Clear(_bySlot, 0, slots);
    }

    /// <summary>The fields analysed for matching: those <see cref="TextFields"/> gives.</summary>
    public static readonly IReadOnlySet<string> AnalysedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        ArticleFields.Title, ArticleFields.Body, ArticleFields.Outlet, ArticleFields.Speaker, ArticleFields.Source, ArticleFields.Quote,
    };

    /// <summary>The publication day (days since 0001-01-01), as the published_days field indexes it.</summary>
    public int? Published { get; }

    /// <summary>The vocabulary terms the article holds, each once, in the order first met.</summary>
    public List<VocabularyTerm> Held { get; } = [];

    public bool Holds(VocabularyTerm term) => _bySlot[term.Slot] != 0;

    /// <summary>Positions of a held term, in increasing order (null when the article does not hold it).</summary>
    public List<int>? Positions(VocabularyTerm term) => _bySlot[term.Slot] is var at and > 0 ? _positions[at - 1] : null;

    /// <summary>Analyses the article's text fields that some saved query reads a term of.</summary>
    public static ArticleTerms Read(Article article, AlertVocabulary vocabulary, Analyzer analyzer)
    {
        var terms = new ArticleTerms(article, vocabulary.SlotCount);
        foreach (var (field, text) in TextFields(article))
        {
            if (text is not null && vocabulary.Field(field) is { } lookup)
            {
                terms.Analyse(field, text, lookup, analyzer);
            }
        }

        return terms;
    }

    /// <summary>The analysed fields and their text, as the matcher's MemoryIndex receives them.</summary>
    public static IEnumerable<(string Field, string? Text)> TextFields(Article article)
    {
        yield return (ArticleFields.Title, article.Title);
        yield return (ArticleFields.Body, article.Body);
        yield return (ArticleFields.Outlet, article.Outlet);
        yield return (ArticleFields.Speaker, Join(article.Speakers));
        yield return (ArticleFields.Source, Join(article.Sources));
        yield return (ArticleFields.Quote, Join(article.Quotes.Select(q => q.Text).ToList()));
    }

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
            _positions.Add([]);
            _bySlot[term.Slot] = at = _positions.Count;
            Held.Add(term);
        }

        _positions[at - 1].Add(position);
    }

    public void Dispose() => ArrayPool<int>.Shared.Return(_bySlot);

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
