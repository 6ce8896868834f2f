using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Indexing;

/// <summary>
/// A text analysed once into its surface tokens (the unstemmed chain of <see cref="ArticleAnalyzer"/>:
/// tokenizer, possessives, lowercase, ASCII folding), kept in a few flat arrays and replayed as token streams.
/// A body feeds two fields: <see cref="ArticleFields.Words"/> (surface terms) and <see cref="ArticleFields.Body"/>
/// (the same tokens stemmed), so indexing tokenizes it once instead of twice. The replayed streams give the same
/// terms, position increments and offsets as the analyzer run on each field.
/// </summary>
public sealed class SurfaceTokens
{
    private static readonly ArticleAnalyzer Analyzer = new();

    private char[] _chars;
    private int[] _ends;
    private int[] _starts;
    private int[] _finishes;
    private int[] _increments;
    private int _count;
    private int _finalOffset;
    private int _finalIncrement;

    private SurfaceTokens(int length)
    {
        _chars = new char[Math.Max(16, length)];
        var tokens = Math.Max(8, length / 5);
        _ends = new int[tokens];
        _starts = new int[tokens];
        _finishes = new int[tokens];
        _increments = new int[tokens];
    }

    /// <summary>Number of tokens.</summary>
    public int Count => _count;

    /// <summary>Runs the surface chain over <paramref name="text"/> once (thread-safe: the analyzer reuses its chain per thread).</summary>
    public static SurfaceTokens Analyse(string text)
    {
        var tokens = new SurfaceTokens(text.Length);
        using var stream = Analyzer.GetTokenStream(ArticleFields.Words, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.Buffer, term.Length, increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
        }

        stream.End();
        tokens._finalOffset = offset.EndOffset;
        tokens._finalIncrement = increment.PositionIncrement;
        return tokens;
    }

    /// <summary>The surface tokens, as the <see cref="ArticleFields.Words"/> field analyses them.</summary>
    public TokenStream Surface() => new Replay(this);

    /// <summary>The tokens stemmed, as the <see cref="ArticleFields.Body"/> (or title) field analyses them.</summary>
    public TokenStream Stemmed() => new PorterStemFilter(new Replay(this));

    /// <summary>
    /// A stream that replays whichever tokens it was last pointed at (<see cref="Replay.Tokens"/>): a bulk load keeps
    /// one per thread instead of building a stream, and its attributes, for every document (see <see cref="ReusableFields"/>).
    /// </summary>
    internal static Replay CreateReplay(SurfaceTokens tokens) => new(tokens);

    private void Add(char[] buffer, int length, int increment, int start, int end)
    {
        if (_count == _ends.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _ends, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _finishes, size);
            Array.Resize(ref _increments, size);
        }

        var from = _count == 0 ? 0 : _ends[_count - 1];
        if (from + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, from + length));
        }

        Array.Copy(buffer, 0, _chars, from, length);
        _ends[_count] = from + length;
        _starts[_count] = start;
        _finishes[_count] = end;
        _increments[_count] = increment;
        _count++;
    }

    internal sealed class Replay : TokenStream
    {
        private SurfaceTokens _tokens;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offset;
        private int _next;

        public Replay(SurfaceTokens tokens)
        {
            _tokens = tokens;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        /// <summary>The tokens replayed from the next <see cref="Reset"/> on.</summary>
        public SurfaceTokens Tokens
        {
            get => _tokens;
            set
            {
                _tokens = value;
                _next = 0;
            }
        }

        public override bool IncrementToken()
        {
            if (_next >= _tokens._count)
            {
                return false;
            }

            ClearAttributes();
            var from = _next == 0 ? 0 : _tokens._ends[_next - 1];
            _term.CopyBuffer(_tokens._chars, from, _tokens._ends[_next] - from);
            _increment.PositionIncrement = _tokens._increments[_next];
            _offset.SetOffset(_tokens._starts[_next], _tokens._finishes[_next]);
            _next++;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_tokens._finalOffset, _tokens._finalOffset);
            _increment.PositionIncrement = _tokens._finalIncrement;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
