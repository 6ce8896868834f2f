using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace Search.Core.Indexing;

/// <summary>
/// The analysis chain of every field. Text fields (title, body, quote): standard tokenizer → English
/// possessives ("Putin's" → "Putin") → lowercase → ASCII folding ("Kyiv" and "Kyïv" meet) → Porter stemming
/// ("launched" → "launch"). No stop words are removed, so "to be or not to be" still matches as a phrase
/// and phrase positions are exact. Name fields (outlet, speaker, source) are not stemmed: "Daniels" is not
/// "Daniel".
/// </summary>
public sealed class ArticleAnalyzer : Analyzer
{
    public ArticleAnalyzer()
        : base(PER_FIELD_REUSE_STRATEGY)
    {
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(LuceneSettings.Version, tokenizer);
        stream = new LowerCaseFilter(LuceneSettings.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        if (IsStemmed(fieldName))
        {
            stream = new PorterStemFilter(stream);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    private static bool IsStemmed(string fieldName) =>
        fieldName is ArticleFields.Title or ArticleFields.Body or ArticleFields.Quote;
}
