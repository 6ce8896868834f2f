using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace Search.Core.Indexing;

/// <summary>
/// The analysis chain of every field. Text fields (title, body, quote): standard tokenizer → CJK and Thai
/// bigrams (see <see cref="ScriptBigrams"/>) → English
/// possessives ("Putin's" → "Putin") → lowercase → ASCII folding ("Kyiv" and "Kyïv" meet) → Porter stemming
/// ("launched" → "launch"). No stop words are removed, so "to be or not to be" still matches as a phrase
/// and phrase positions are exact. Name fields (outlet, speaker, source) are not stemmed: "Daniels" is not
/// "Daniel".
/// </summary>
public sealed class ArticleAnalyzer : Analyzer
{
    /// <summary>Not a document field: the name under which <see cref="GetOffsetStream"/> keeps its reusable tokenizer.</summary>
    private const string OffsetsOnly = "\u0000offsets";

    public ArticleAnalyzer()
        : base(PER_FIELD_REUSE_STRATEGY)
    {
    }

    /// <summary>
    /// Tokens of <paramref name="text"/> with the positions and character offsets any field of this analyzer
    /// gives them, but without their terms normalised. Every filter of the chain rewrites a token's text and
    /// never adds, drops or moves a token, so the tokenizer alone yields the same positions and offsets at
    /// about 60% of the cost; the highlighter turns match positions into offsets with it. A filter that does
    /// change positions (stop words, synonyms, word splitting) must be applied here too.
    /// </summary>
    public TokenStream GetOffsetStream(string text) => GetTokenStream(OffsetsOnly, text);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
        // Bigrams change positions, so the offsets-only stream needs them too.
        var words = ScriptBigrams(tokenizer);
        if (fieldName == OffsetsOnly)
        {
            return new TokenStreamComponents(tokenizer, words);
        }

        TokenStream stream = new EnglishPossessiveFilter(LuceneSettings.Version, words);
        stream = new LowerCaseFilter(LuceneSettings.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        if (IsStemmed(fieldName))
        {
            stream = new PorterStemFilter(stream);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>
    /// Words of scripts written without spaces. The standard tokenizer gives each Han ideograph and each
    /// hiragana as its own token and a whole Thai (Lao, Khmer, Myanmar) run as one token, so 北京 matched
    /// any text with 北 and 京 anywhere and a Thai word inside a sentence was not findable at all. Overlapping
    /// bigrams (北京大学 → 北京 京大 大学), the scheme of Lucene's CJKAnalyzer, make every word of two or more
    /// characters findable without a dictionary, for Thai too: its runs are typed as Hangul (which is
    /// bigrammed the same way) on the way in. A query is analysed the same way, so a word is a conjunction of
    /// its bigrams. Tokens of other scripts pass through untouched, so English analysis is unchanged.
    /// </summary>
    private static CJKBigramFilter ScriptBigrams(TokenStream tokens) =>
        new CJKBigramFilter(new SoutheastAsianAsHangulFilter(tokens));

    private static bool IsStemmed(string fieldName) =>
        fieldName is ArticleFields.Title or ArticleFields.Body or ArticleFields.Quote;
}
