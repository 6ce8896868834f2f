using Lucene.Net.Analysis.En;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// English stop words (Lucene's list: "the", "of", "and", …) as they are typed and as the index holds
/// them once stemmed ("this" → "thi"). The index keeps every word, so quoted phrases stay exact, and queries
/// keep them too (dropping them from unquoted words lost on two of the three relevance collections);
/// pseudo-relevance feedback never adds them.
/// </summary>
public static class QueryStopWords
{
    private static readonly Lazy<HashSet<string>> Stems = new(() =>
    {
        using var analyzer = new ArticleAnalyzer();
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in EnglishAnalyzer.DefaultStopSet)
        {
            stems.UnionWith(analyzer.Terms(ArticleFields.Body, word));
        }

        return stems;
    });

    /// <summary>Whether a typed word (any case) is a stop word.</summary>
    public static bool IsStopWord(string word) => EnglishAnalyzer.DefaultStopSet.Contains(word.ToLowerInvariant());

    /// <summary>Whether an indexed (analysed) term is the stem of a stop word.</summary>
    public static bool IsStem(string term) => Stems.Value.Contains(term);
}
