using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Indexing;

/// <summary>
/// Retypes the standard tokenizer's Southeast Asian tokens (a whole Thai, Lao, Khmer or Myanmar run: those
/// scripts put no spaces between words) as Hangul, so <c>CJKBigramFilter</c> splits them into overlapping
/// bigrams as it does Korean. Lucene's dictionary-based Thai tokenizer needs ICU; bigrams need nothing and
/// make every word of two or more characters findable. Only the type changes; text, offsets and positions
/// are left to the bigram filter.
/// </summary>
public sealed class SoutheastAsianAsHangulFilter : TokenFilter
{
    private static readonly string SoutheastAsian = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.SOUTHEAST_ASIAN];
    private static readonly string Hangul = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];

    private readonly ITypeAttribute _type;

    public SoutheastAsianAsHangulFilter(TokenStream input)
        : base(input)
    {
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (string.Equals(_type.Type, SoutheastAsian, StringComparison.Ordinal))
        {
            _type.Type = Hangul;
        }

        return true;
    }
}
