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
    /// <summary>
    /// What one reader knows of each word of the query: whether it holds the word and, if not, the words within the
    /// allowed edits with their document frequencies. A sharded index merges these over its shards
    /// (<see cref="Choose"/>), which gives the suggestion one index over all the shards would.
    /// </summary>
    public IReadOnlyList<SpellingWord> Candidates(IndexReader reader, string? queryText)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var words = new List<SpellingWord>();
        if (string.IsNullOrWhiteSpace(queryText))
        {
            return words;
        }

        // The merged term dictionary (and the fuzzy walk over it) is only opened for a word the index lacks:
        // a query whose words are all known costs one exact term lookup per word.
        Terms? terms = null;
        var leafTerms = new TermsEnum?[reader.Leaves.Count];
        // Words inside quotes are corrected too: a misspelt phrase finds nothing either.
        foreach (var word in QueryLexer.Tokenize(queryText))
        {
            if (word.Kind != QueryTokenKind.Word || !char.IsLetter(word.Text[0]))
            {
                continue;
            }

            var surface = Normalize(word.Text);
            if (surface is null)
            {
                continue;
            }

            var known = IsKnown(reader, leafTerms, surface);
            if (!known)
            {
                terms ??= MultiFields.GetTerms(reader, ArticleFields.Words);
            }

            words.Add(new SpellingWord(word.Start, word.End, known, known || terms is null ? [] : Close(terms, surface)));
        }

        return words;
    }

    /// <summary>
    /// True when some segment's term dictionary holds <paramref name="surface"/> (deleted articles count until
    /// merged, as a document frequency would): an exact seek per segment, stopping at the first that has it, so
    /// a common word costs one lookup (the largest segment comes first).
    /// </summary>
    private static bool IsKnown(IndexReader reader, TermsEnum?[] leafTerms, string surface)
    {
        var bytes = new Lucene.Net.Util.BytesRef(surface);
        var leaves = reader.Leaves;
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            leafTerms[leaf] ??= leaves[leaf].AtomicReader.GetTerms(ArticleFields.Words)?.GetEnumerator() ?? TermsEnum.EMPTY;
            if (leafTerms[leaf]!.SeekExact(bytes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The corrected query text from the candidates of one or more readers (shards): a word any reader holds is
    /// kept; otherwise the closest candidate wins, fewest edits, then most documents over all readers, then the
    /// first in term order. Null when nothing changes.
    /// </summary>
    public static string? Choose(string? queryText, IEnumerable<IReadOnlyList<SpellingWord>> perReader)
    {
        var byWord = new SortedDictionary<int, (int End, bool Known, Dictionary<string, (int Distance, int DocFreq)> Candidates)>();
        foreach (var words in perReader)
        {
            foreach (var word in words)
            {
                if (!byWord.TryGetValue(word.Start, out var merged))
                {
                    merged = (word.End, false, new Dictionary<string, (int, int)>(StringComparer.Ordinal));
                }

                merged.Known |= word.Known;
                foreach (var candidate in word.Candidates)
                {
                    var sum = merged.Candidates.GetValueOrDefault(candidate.Word, (candidate.Distance, 0));
                    merged.Candidates[candidate.Word] = (candidate.Distance, sum.Item2 + candidate.DocFreq);
                }

                byWord[word.Start] = merged;
            }
        }

        var changed = false;
        var result = new StringBuilder(queryText?.Length ?? 0);
        var last = 0;
        foreach (var (start, word) in byWord)
        {
            if (word.Known || word.Candidates.Count == 0)
            {
                continue;
            }

            var best = word.Candidates
                .OrderBy(c => c.Value.Distance)
                .ThenByDescending(c => c.Value.DocFreq)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .First().Key;
            result.Append(queryText, last, start - last).Append(best);
            last = word.End;
            changed = true;
        }

        return changed ? result.Append(queryText, last, queryText!.Length - last).ToString() : null;
    }

    /// <summary>The indexed words within the allowed edits of <paramref name="word"/>, with their edit distances and document frequencies.</summary>
    private static List<SpellingCandidate> Close(Terms terms, string word)
    {
        var candidates = new List<SpellingCandidate>();
        if (word.Length < 3)
        {
            return candidates;
        }

        var maxEdits = word.Length <= 4 ? 1 : 2;
        var fuzzy = new FuzzyTermsEnum(terms, new Lucene.Net.Util.AttributeSource(), new Term(ArticleFields.Words, word),
            maxEdits, prefixLength: 1, transpositions: true);
        while (fuzzy.MoveNext())
        {
            var candidate = fuzzy.Term.Utf8ToString();
            candidates.Add(new SpellingCandidate(candidate, EditDistance(word, candidate), fuzzy.DocFreq));
        }

        return candidates;
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
