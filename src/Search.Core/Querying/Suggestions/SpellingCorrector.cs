using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying.Syntax;

namespace Search.Core.Querying.Suggestions;

/// <summary>
/// "Did you mean": replaces each word of a query that the index does not hold by the closest word it
/// does. Candidates come from the unstemmed surface vocabulary (<see cref="ArticleFields.Words"/>), so the
/// suggestion reads as words people type ("olympics", never the stem "olymp"), found with a Levenshtein
/// automaton (<see cref="FuzzyTermsEnum"/>, transpositions count as one edit) and ranked by edit distance,
/// then document frequency. A word the index holds is never replaced: an exact match always wins.
/// Words of four letters or fewer get one edit, longer ones two; the first letter must match, as it
/// almost always does in real typos, which keeps the automaton walk short.
/// </summary>
public sealed class SpellingCorrector(Analyzer analyzer)
{
    /// <summary>The corrected query text, or null when every word is known or nothing close exists.</summary>
    public string? Suggest(IndexReader reader, string? queryText)
    {
        if (string.IsNullOrWhiteSpace(queryText))
        {
            return null;
        }

        var terms = MultiFields.GetTerms(reader, ArticleFields.Words);
        if (terms is null)
        {
            return null;
        }

        var changed = false;
        var result = new StringBuilder(queryText.Length);
        var last = 0;
        // Words inside quotes are corrected too: a misspelt phrase finds nothing either.
        foreach (var word in QueryLexer.Tokenize(queryText))
        {
            if (word.Kind != QueryTokenKind.Word || !char.IsLetter(word.Text[0]))
            {
                continue;
            }

            var surface = Normalize(word.Text);
            if (surface is null || reader.DocFreq(new Term(ArticleFields.Words, surface)) > 0)
            {
                continue;
            }

            if (Closest(terms, surface) is { } correction)
            {
                result.Append(queryText, last, word.Start - last).Append(correction);
                last = word.End;
                changed = true;
            }
        }

        return changed ? result.Append(queryText, last, queryText.Length - last).ToString() : null;
    }

    /// <summary>The closest indexed word within the allowed edits: fewest edits, then most documents.</summary>
    private static string? Closest(Terms terms, string word)
    {
        if (word.Length < 3)
        {
            return null;
        }

        var maxEdits = word.Length <= 4 ? 1 : 2;
        var fuzzy = new FuzzyTermsEnum(terms, new Lucene.Net.Util.AttributeSource(), new Term(ArticleFields.Words, word),
            maxEdits, prefixLength: 1, transpositions: true);
        string? best = null;
        var (bestDistance, bestFrequency) = (int.MaxValue, 0);
        while (fuzzy.MoveNext())
        {
            var candidate = fuzzy.Term.Utf8ToString();
            var distance = EditDistance(word, candidate);
            var frequency = fuzzy.DocFreq;
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
            {
                (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }

        return best;
    }

    /// <summary>The word as the surface field indexes it (lowercased, folded, possessive dropped); null unless one token.</summary>
    private string? Normalize(string word)
    {
        var terms = analyzer.Terms(ArticleFields.Words, word);
        return terms.Count == 1 ? terms[0] : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
