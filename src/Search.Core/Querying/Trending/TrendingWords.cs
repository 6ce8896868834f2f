using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Indexing;

namespace Search.Core.Querying.Trending;

/// <summary>
/// Splits text into the words and adjacent word pairs that may be reported as trending: surface words
/// (lowercased, folded, not stemmed, so a chip reads as people write it), without English stop words, bare
/// numbers, one-letter tokens or the furniture news pages repeat on every article (photo credits, share and
/// subscribe prompts, "read more"). A pair is two kept words with nothing dropped between them, so "the
/// Supreme Court" yields "supreme court" and never "the supreme".
/// </summary>
public static class TrendingWords
{
    /// <summary>Words pages print around the news, not in it; seen on the sample pages of several outlets, not tuned to one.</summary>
    private static readonly HashSet<string> Furniture = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "told", "also", "would", "could", "one", "two", "new", "like", "just", "get", "got",
        "us", "mr", "mrs", "ms", "it's", "don't", "can't", "we're", "i'm", "he's", "she's", "that's", "there's",
        "photo", "photos", "image", "images", "getty", "file", "advertisement", "subscribe", "newsletter", "click",
        "share", "comments", "comment", "read", "more", "sign", "updated", "published", "copyright", "reserved",
        "email", "facebook", "twitter", "video", "watch", "story", "continue", "reading", "related", "article",
    };

    /// <summary>Whether a word is left out of the trending terms (stop word, furniture, number, single letter).</summary>
    public static bool IsNoise(string word) =>
        word.Length < 2 || EnglishAnalyzer.DefaultStopSet.Contains(word) || Furniture.Contains(word) || word.All(c => char.IsDigit(c) || c is '.' or ',');

    /// <summary>The distinct candidate words and pairs of <paramref name="text"/>, handed to <paramref name="add"/> once each.</summary>
    public static void Extract(ArticleAnalyzer analyzer, string text, HashSet<string> seen, Action<string> add) =>
        Extract(analyzer, text, seen, add, (pair, _, _) => add(pair));

    /// <summary>
    /// The distinct candidate words of <paramref name="text"/>, handed to <paramref name="addWord"/> once each, and its
    /// distinct pairs, handed to <paramref name="addPair"/> (pair, first word, second word) once each after both words.
    /// </summary>
    public static void Extract(ArticleAnalyzer analyzer, string text, HashSet<string> seen, Action<string> addWord,
        Action<string, string, string> addPair)
    {
        using var stream = analyzer.GetTokenStream(ArticleFields.Words, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        string? previous = null;
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            if (IsNoise(word))
            {
                // A pair never spans a dropped word.
                previous = null;
                continue;
            }

            if (seen.Add(word))
            {
                addWord(word);
            }

            if (previous is not null)
            {
                var pair = previous + " " + word;
                if (seen.Add(pair))
                {
                    addPair(pair, previous, word);
                }
            }

            previous = word;
        }

        stream.End();
    }
}
