using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Which quoted strings are statements (#24), and a subject whose speech verb is the second of two
/// coordinated verbs ("Jane Roe returned to the stage and declared, “...”"). A quotation whose words are
/// written in title case is the name of a show, book, film or slogan ("Meet the Press", "Make Our Town
/// Great"), not words someone said; it is not served and does not count as the statement of its neighbour.
/// A fragment of one or two words is a statement only inside a sentence that attributes it (Roe said the
/// plan was “dead on arrival”): there it keeps the paraphrase's source; elsewhere it is a scare quote.
/// Missed: titles written in sentence case ("Failure is an option"), which read like speech.
/// </summary>
public static partial class SpeakerExtractor
{
    private static readonly HashSet<string> TitleFunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "nor", "with", "by", "from",
        "as", "vs", "vs.", "v", "is", "are", "be", "into", "over", "how", "up", "out",
    };

    // "X returned to the podium and declared", "X met the board and then told reporters": the subject of the
    // first verb is the speaker of the second. No comma in between, so "X arrived, and Roe said" is not X's.
    [GeneratedRegex(SentenceSubject + @"[^.!?,;“”""\n]{0,120}?[ \u00a0]and[ \u00a0]+(?:then[ \u00a0]+|later[ \u00a0]+|also[ \u00a0]+)?(?:" + AttributionVerbs.SpeechVerbs + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex CoordinatedClause();

    [GeneratedRegex(@"[ \u00a0]and[ \u00a0]+(?:then[ \u00a0]+|later[ \u00a0]+|also[ \u00a0]+)?(?:" + AttributionVerbs.SpeechVerbs + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex CoordinatedCue();

    /// <summary>The next sentence whose subject speaks by a second, coordinated speech verb, or no match.</summary>
    private static Match NextCoordinatedClause(string paragraph, int position)
    {
        var cue = CoordinatedCue().Match(paragraph, position);
        return cue.Success ? CoordinatedClause().Match(paragraph, Math.Max(position, cue.Index - 300)) : Match.Empty;
    }

    /// <summary>
    /// True when a quoted string is served as a statement: not a title-case name of a work or slogan, and of
    /// three words or more unless an attribution of the paragraph stands in the same sentence.
    /// </summary>
    internal static bool IsStatement(string text, string paragraph, int quoteIndex, IEnumerable<int> attributionIndexes)
    {
        if (IsTitleCase(text))
        {
            return false;
        }

        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
        {
            return true;
        }

        // A capitalised word or two ("Hannity", "Related:") is a name or a label, not a fragment of speech.
        var (start, end) = SentenceAround(paragraph, quoteIndex);
        return text.FirstOrDefault(char.IsLetter) is var first && char.IsLower(first) && attributionIndexes.Any(i => i >= start && i < end);
    }

    /// <summary>Every word of two or more that is not a short function word opens with a capital ("Meet the Press").</summary>
    internal static bool IsTitleCase(string text)
    {
        var words = text.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ':', ';', '!', '?', '“', '”', '"', '‘', '’', '\'', '(', ')'))
            .Where(w => w.Length > 0 && char.IsLetter(w[0]) && !TitleFunctionWords.Contains(w))
            .ToList();
        return words.Count >= 2 && words.All(w => char.IsUpper(w[0])) && !words.All(w => w.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            && words[0] is not "I";
    }

    /// <summary>The sentence of a paragraph holding a position: from after the previous full stop to the next.</summary>
    private static (int Start, int End) SentenceAround(string paragraph, int at)
    {
        var start = at;
        while (start > 0 && !(paragraph[start - 1] is '.' or '!' or '?' && start < paragraph.Length && paragraph[start] == ' '))
        {
            start--;
        }

        var end = at;
        while (end < paragraph.Length && !(paragraph[end] is '.' or '!' or '?' && (end + 1 == paragraph.Length || paragraph[end + 1] == ' ')))
        {
            end++;
        }

        return (start, end);
    }
}
