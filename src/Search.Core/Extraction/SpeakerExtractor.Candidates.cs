using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// The "X said" search, made cheap. Trying the full pattern at every capital letter cost about 1 ms per
/// article; most capitals start a name that no attribution verb follows. So each one is first checked by
/// code for what the pattern needs right after the name, and the pattern runs (anchored) only where the
/// check passes. The check lets through everything the pattern could match there, so the leftmost match is
/// the one the unanchored pattern would find.
/// </summary>
public static partial class SpeakerExtractor
{
    [GeneratedRegex(@"\G" + AtomicName, RegexOptions.CultureInvariant)]
    private static partial Regex NameAt();

    /// <summary>The first "X said" attribution starting at or after <paramref name="position"/>, as the unanchored pattern finds it.</summary>
    private static Match NextNameThenVerb(string paragraph, int position)
    {
        for (var start = position; start < paragraph.Length; start++)
        {
            // Every name token opens with a capital letter.
            if (!char.IsUpper(paragraph[start]))
            {
                continue;
            }

            var name = NameAt().Match(paragraph, start);
            if (name.Success && MayOpenAttribution(paragraph, start + name.Length)
                && NameThenVerbAt.Match(paragraph, start) is { Success: true } match)
            {
                return match;
            }
        }

        return Match.Empty;
    }

    /// <summary>
    /// False when what follows a name cannot continue the pattern: it needs a comma (a list or an
    /// appositive), or spaces and then "and", "of", a parenthesis, or an attribution verb within seven words
    /// (three adverbs or auxiliaries, then at most "is not also saying").
    /// </summary>
    private static bool MayOpenAttribution(string paragraph, int nameEnd)
    {
        if (nameEnd >= paragraph.Length)
        {
            return false;
        }

        if (paragraph[nameEnd] == ',')
        {
            return true;
        }

        var next = nameEnd;
        while (next < paragraph.Length && paragraph[next] is ' ' or '\u00a0')
        {
            next++;
        }

        if (next == nameEnd || next == paragraph.Length)
        {
            return false;
        }

        var rest = paragraph.AsSpan(next);
        if (rest[0] == '(' || rest.StartsWith("and ") || rest.StartsWith("and\u00a0") || rest.StartsWith("of ") || rest.StartsWith("of\u00a0"))
        {
            return true;
        }

        // The next seven space-separated words.
        var end = 0;
        for (var words = 0; words < 7 && end < rest.Length; words++)
        {
            while (end < rest.Length && rest[end] is not (' ' or '\u00a0'))
            {
                end++;
            }

            while (end < rest.Length && rest[end] is ' ' or '\u00a0')
            {
                end++;
            }
        }

        return AttributionVerbs.MayContain(rest[..end]);
    }
}
