using System.Text;
using Search.Core.Querying.Syntax;

namespace Search.Core.Querying.Synonyms;

/// <summary>
/// Query-time aliases: a word or phrase of the query that belongs to an alias group ("NYT", "The New York
/// Times") becomes an OR of every alias of the group, before the query is parsed. Expanding the query
/// rather than the index means the list can change without re-indexing, and exact phrases, ranking and
/// highlighting work on the aliases as on typed text. Matching is case-insensitive, on whole words,
/// longest alias first; text inside quotes and field values (speaker:x) are left as typed.
/// </summary>
public sealed class SynonymExpander
{
    private readonly Dictionary<string, List<(string[] Words, string[] Group)>> _byFirstWord = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="groups">Alias groups; each alias is a word or a phrase.</param>
    public SynonymExpander(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            var aliases = group.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (aliases.Length < 2)
            {
                continue;
            }

            foreach (var alias in aliases)
            {
                var words = Split(alias);
                if (words.Length == 0)
                {
                    continue;
                }

                if (!_byFirstWord.TryGetValue(words[0], out var list))
                {
                    _byFirstWord[words[0]] = list = [];
                }

                list.Add((words, aliases));
                list.Sort((x, y) => y.Words.Length.CompareTo(x.Words.Length));
            }
        }
    }

    /// <summary>No aliases: queries pass through unchanged.</summary>
    public static SynonymExpander Empty { get; } = new([]);

    /// <summary>
    /// Reads alias groups from a text file: one group per line, aliases separated by commas, '#' starts a
    /// comment. A missing file means no aliases.
    /// </summary>
    public static SynonymExpander FromFile(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        var groups = File.ReadLines(path)
            .Select(line => line.Split('#', 2)[0])
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => (IReadOnlyList<string>)line.Split(','));
        return new SynonymExpander(groups);
    }

    /// <summary>True when no alias group was read.</summary>
    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>The query with every alias replaced by the OR of its group; unchanged when none occurs.</summary>
    public string? Expand(string? queryText)
    {
        if (string.IsNullOrWhiteSpace(queryText) || IsEmpty)
        {
            return queryText;
        }

        var words = QueryLexer.Tokenize(queryText).Where(t => t.Kind == QueryTokenKind.Word && !t.InPhrase).ToList();
        var result = new StringBuilder();
        var last = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i].Text, out var candidates))
            {
                continue;
            }

            foreach (var (aliasWords, group) in candidates)
            {
                if (!MatchesAt(queryText, words, i, aliasWords))
                {
                    continue;
                }

                var endWord = words[i + aliasWords.Length - 1];
                result.Append(queryText, last, words[i].Start - last).Append(Alternatives(group));
                last = endWord.End;
                i += aliasWords.Length - 1;
                break;
            }
        }

        return result.Append(queryText, last, queryText.Length - last).ToString();
    }

    /// <summary>The alias's words are the query's words from <paramref name="start"/>, separated only by spaces.</summary>
    private static bool MatchesAt(string text, List<QueryToken> words, int start, string[] aliasWords)
    {
        if (start + aliasWords.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < aliasWords.Length; k++)
        {
            var word = words[start + k];
            if (!string.Equals(word.Text, aliasWords[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (k > 0 && !string.IsNullOrWhiteSpace(text[words[start + k - 1].End..word.Start]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Alternatives(string[] group) =>
        "(" + string.Join(" OR ", group.Select(alias => Split(alias) is { Length: > 1 } words ? "\"" + string.Join(' ', words) + "\"" : Split(alias)[0])) + ")";

    private static string[] Split(string alias) => [.. QueryLexer.Tokenize(alias).Where(t => t.IsWordLike).Select(t => t.Text)];
}
