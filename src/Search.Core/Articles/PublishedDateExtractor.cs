using System.Globalization;
using System.Text.RegularExpressions;

namespace Search.Core.Articles;

/// <summary>
/// Finds the publication day in page text when no metadata gives it: a "Published/Updated/Posted"
/// line, or a line near the top that is only a date (a byline date). Dates that merely occur in
/// running text ("on February 4") are events, not publication days, and are ignored: null beats a guess.
/// </summary>
public static partial class PublishedDateExtractor
{
    private const string Month =
        "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

    private const string DatePattern =
        @"(?<date>" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+" + Month + @",?\s+\d{4}|\d{4}-\d{2}-\d{2})";

    [GeneratedRegex(@"^(?:published|posted|updated|last updated|first published)(?:\s+on)?\s*:?\s*(?:\w+day,?\s+)?" + DatePattern,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"^(?:\w+day,?\s+)?" + DatePattern + @"(?:\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+\w{2,4})?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyLine();

    // A byline with a date: "By Jane Roe | March 3, 2022", "Jane Roe • 3 March 2022 at 10:00".
    [GeneratedRegex(@"^(?:by\s+[^|•·\n]{2,60}?\s*(?:[|•·,–—-]\s*|\s+on\s+|\s+))(?:\w+day,?\s+)?" + DatePattern + @"|^[^|•·\n]{2,60}?\s*[|•·]\s*(?:\w+day,?\s+)?" + DatePattern,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineDate();

    // A wire dateline opening the first paragraph: "WASHINGTON, March 3, 2022 (AP) —", "March 3, 2022 —".
    [GeneratedRegex(@"^(?:[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40},\s+)?(?:\w+day,?\s+)?" + DatePattern + @"\s*(?:\([^)]{1,30}\)\s*)?[-–—]",
        RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    private static readonly string[] Formats =
    [
        "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd", "MMMM dd yyyy", "MMM dd yyyy",
    ];

    /// <summary>The publication day found in the first or last lines, or null.</summary>
    public static DateOnly? Extract(IReadOnlyList<string> lines)
    {
        // Labelled dates may stand anywhere (some pages put "Updated" under the article).
        foreach (var line in lines)
        {
            var labelled = LabelledDate().Match(line);
            if (labelled.Success && TryParse(labelled.Groups["date"].Value, out var day))
            {
                return day;
            }
        }

        // A bare date line, a byline with a date or a dateline counts only near the top, where they stand;
        // further down a date is an event in the story.
        foreach (var line in lines.Where(l => l.Length > 0).Take(8))
        {
            var bare = DateOnlyLine().Match(line);
            if (!bare.Success && line.Length <= 120)
            {
                bare = BylineDate().Match(line);
            }

            if (!bare.Success)
            {
                bare = Dateline().Match(line);
            }

            if (bare.Success && TryParse(bare.Groups["date"].Value, out var day))
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>Parses "March 3, 2022", "3 Mar 2022", "Sept. 3rd, 2022" or "2022-03-03".</summary>
    public static bool TryParse(string text, out DateOnly day)
    {
        var cleaned = Regex.Replace(text, @"(?<=\d)(st|nd|rd|th)\b|[.,]", "", RegexOptions.IgnoreCase);
        cleaned = Regex.Replace(cleaned, @"\bSept\b", "Sep", RegexOptions.IgnoreCase);
        cleaned = Regex.Replace(cleaned, @"\s+", " ").Trim();
        return DateOnly.TryParseExact(cleaned, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out day);
    }
}
