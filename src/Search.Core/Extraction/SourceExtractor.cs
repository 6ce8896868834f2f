using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Finds the outlets an article credits: a repost's credit line ("via Daily Wire:", "Source: National
/// Review") and outlets cited in running text ("according to The New York Times", "CNN reported",
/// "(AFP)"). Names are normalised by <see cref="OutletNames"/>.
/// </summary>
public static partial class SourceExtractor
{
    [GeneratedRegex(
        @"^(?:via|source|sources|originally published (?:by|at|on|in)|(?:get|read) the full (?:story|article) (?:from|at|on)|this (?:story|article) (?:first |originally )?appeared (?:on|in)|h/t|hat tip(?: to)?|credit)\s*:?\s+(?<name>[\p{Lu}\d][\w.&'’ -]{1,60}?)\s*:?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLine();

    // "according to the New York Times", "told The Times", "reported by Reuters".
    [GeneratedRegex(
        @"\b(?i:according to|told|reported by|first reported by|confirmed by|cited by|in an interview with|speaking to|speaking with|interview with|said on|appeared on|wrote in|writing in|published by|obtained by|described to)\s+(?<name>(?:[Tt]he\s+)?\p{Lu}[\w.&]*(?:\s+\p{Lu}[\w.&]*){0,4})",
        RegexOptions.CultureInvariant)]
    private static partial Regex CitationBefore();

    // "The New York Times reported", "CNN subsequently confirmed", "BBC News reported".
    [GeneratedRegex(
        @"(?<name>(?:The\s+)?\p{Lu}[\w.&]*(?:\s+\p{Lu}[\w.&]*){0,4})\s+(?:(?:\w+ly|later|also|first|has|had|have)\s+){0,2}(?:reported|reports|confirmed|first reported|said in a report|wrote)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CitationAfter();

    // Wire agency tags: "(AFP)", "(Reuters)", "(AP)" in a dateline.
    [GeneratedRegex(@"\((?<name>AFP|AP|Reuters|Xinhua|TASS|Bloomberg|UPI)\)", RegexOptions.CultureInvariant)]
    private static partial Regex WireTag();

    /// <summary>The outlet the text says it comes from ("via X", "Source: X"), or null.</summary>
    public static string? FindCredit(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Length > 80)
            {
                continue;
            }

            var match = CreditLine().Match(line);
            if (match.Success)
            {
                return OutletNames.Normalize(match.Groups["name"].Value);
            }
        }

        return null;
    }

    /// <summary>Every outlet the text credits or cites, credit first, each once.</summary>
    public static IReadOnlyList<string> FindCitedOutlets(string text, string? credit)
    {
        var found = new List<string>();
        if (credit is not null)
        {
            found.Add(credit);
        }

        foreach (Match match in WireTag().Matches(text))
        {
            Add(found, match.Groups["name"].Value);
        }

        foreach (var regex in new[] { CitationBefore(), CitationAfter() })
        {
            foreach (Match match in regex.Matches(text))
            {
                Add(found, match.Groups["name"].Value);
            }
        }

        return found;
    }

    private static void Add(List<string> found, string rawName)
    {
        // Try the whole name, then shorter prefixes: "The New York Times by senior officials" style
        // over-captures stop at the longest known outlet.
        var words = rawName.Split([' ', '\n', '\r', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('.', ',', ':', ';')).ToArray();
        // The outlet stands at the start of a "according to X" capture and at the end of an "X reported" one
        // ("Ukraine. CNN subsequently confirmed"), so both ends are tried, longest first.
        for (var take = words.Length; take >= 1; take--)
        {
            var prefix = string.Join(' ', words.Take(take));
            var suffix = string.Join(' ', words.Skip(words.Length - take));
            var candidate = OutletNames.IsKnown(prefix) || LooksLikeOutletName(prefix) ? prefix : suffix;
            if (OutletNames.IsKnown(candidate) || LooksLikeOutletName(candidate))
            {
                var name = OutletNames.Normalize(candidate);
                if (!found.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    found.Add(name);
                }

                return;
            }
        }
    }

    /// <summary>Unknown organisations are accepted only when their name says they are news outlets.</summary>
    private static bool LooksLikeOutletName(string name) =>
        name.Split(' ').Count(w => !w.Equals("the", StringComparison.OrdinalIgnoreCase)) >= 2
        && Regex.IsMatch(name, @"\b(News|Times|Post|Journal|Herald|Tribune|Gazette|Daily|Press|Telegraph|Review|Observer|Chronicle|Wire|Radio|Television|TV|Magazine)$");
}
