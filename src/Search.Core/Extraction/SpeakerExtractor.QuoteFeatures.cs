using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// The features the learned quote attribution reads (#24): of the quote (statement shape, length, what stands
/// before and after it, cue verbs and pronouns in its sentence) and of a bare mention (first in its sentence,
/// possessive, the word before, the shape of the word after). See SpeakerExtractor.Quotes.cs for the candidates.
/// </summary>
public static partial class SpeakerExtractor
{
    private static readonly HashSet<string> MentionLeadWords = new(StringComparer.Ordinal)
    {
        "of", "to", "for", "with", "by", "about", "against", "and", "from", "on", "at", "as", "that", "told", "asked", "called", "in",
    };

    /// <summary>Features of the quote itself, which decide whether it is served at all.</summary>
    private static List<string> QuoteFeatures(QuoteContext context, (int Start, int End)[] spans, int q, string text, bool statement, bool ruleServes)
    {
        var paragraph = context.Paragraph;
        var (start, end) = spans[q];
        var beforeText = paragraph.AsSpan(0, start).TrimEnd();
        var before = beforeText.Length == 0 ? '^' : beforeText[^1];
        var afterText = paragraph.AsSpan(end).TrimStart();
        var after = afterText.Length == 0 ? '$' : afterText[0];
        var lastChar = text.Length == 0 ? ' ' : text[^1];
        return
        [
            "b", ruleServes ? "rs" : "nrs", statement ? "st" : "ns", IsTitleCase(text) ? "tc" : "ntc", "w" + WordBucket(text),
            paragraph.Length > 0 && paragraph[0] is '“' or '"' ? "ps" : "np", "A" + Math.Min(3, context.Attributed.Count),
            lastChar is '.' or '!' or '?' or ',' ? "ep" : "nep", text.Length > 0 && char.IsUpper(text[0]) ? "up" : "lo",
            "pc" + (before is ':' or ',' or '^' or '—' or '(' ? before : char.IsLetter(before) ? 'a' : '.'),
            "nc" + (after is ',' or '.' or '$' or '—' or '(' ? after : char.IsUpper(after) ? 'A' : char.IsLetter(after) ? 'a' : '.'),
            end - start >= paragraph.Length * 4 / 5 ? "wp" : "pp", context.LastSpeaker is null ? "nl" : "hl",
        ];
    }

    private static bool InsideQuote((int Start, int End)[] spans, int at)
    {
        foreach (var (start, end) in spans)
        {
            if (at > start && at < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What stands around a bare mention: first in its sentence, possessive, the word before, the shape of the word after.</summary>
    private static string[] MentionFeatures(string paragraph, int index, int sentenceStart)
    {
        var nameEnd = Math.Min(paragraph.Length, index + NameAt().Match(paragraph, index).Length);
        var rest = paragraph.AsSpan(nameEnd);
        var previous = PreviousWord(paragraph, index);
        var next = NextWord().Match(paragraph, nameEnd);
        return
        [
            // The sentence's first name, as its subject usually is: no capital between the sentence's first letter and it.
            index <= sentenceStart || !paragraph.AsSpan(sentenceStart + 1, index - sentenceStart - 1).ContainsAny(UpperCase) ? "m-first" : "m-later",
            rest.StartsWith("’s", StringComparison.Ordinal) || rest.StartsWith("'s", StringComparison.Ordinal) ? "m-poss" : "m-nposs",
            "m-prev=" + (MentionLeadWords.Contains(previous) ? previous : "other"),
            "m-next=" + (!next.Success ? "none" : AttributionVerbs.MayContain(next.Value) ? "cue" : next.Value.EndsWith("ed", StringComparison.Ordinal) ? "ed" : next.Value.EndsWith('s') ? "s" : "other"),
        ];
    }

    /// <summary>The text of a sentence with its quotations left out.</summary>
    private static string Outside(string paragraph, int start, int end, (int Start, int End)[] spans)
    {
        var text = new System.Text.StringBuilder(end - start);
        var at = start;
        foreach (var (quoteStart, quoteEnd) in spans)
        {
            if (quoteEnd <= at || quoteStart >= end)
            {
                continue;
            }

            text.Append(paragraph, at, Math.Max(0, quoteStart - at)).Append(' ');
            at = Math.Max(at, quoteEnd);
        }

        return text.Append(paragraph, at, Math.Max(0, end - at)).ToString();
    }

    [GeneratedRegex(@"\b(?:he|she|He|She)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Pronoun();

    private static readonly System.Buffers.SearchValues<char> UpperCase = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>The lower-case word that ends, with spaces after it, right before <paramref name="index"/>; empty if none.</summary>
    private static string PreviousWord(string paragraph, int index)
    {
        var end = index;
        while (end > 0 && paragraph[end - 1] is ' ' or '\u00a0')
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLower(paragraph[start - 1]))
        {
            start--;
        }

        return end == index || (start > 0 && char.IsLetter(paragraph[start - 1])) ? "" : paragraph[start..end];
    }

    private static readonly System.Buffers.SearchValues<char> QuotationMarks = System.Buffers.SearchValues.Create("“\"'");

    [GeneratedRegex(@"\G[ \u00a0]*\p{Ll}+", RegexOptions.CultureInvariant)]
    private static partial Regex NextWord();

    private static string WordBucket(string text) =>
        (text.Count(c => c == ' ') + 1) switch
        {
            1 => "1",
            2 => "2",
            <= 5 => "3",
            <= 12 => "6",
            _ => "13",
        };

    private static int DistanceBucket(int distance) => distance switch
    {
        <= 3 => 0,
        <= 15 => 1,
        <= 40 => 2,
        <= 100 => 3,
        <= 250 => 4,
        _ => 5,
    };
}
