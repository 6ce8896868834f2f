namespace Search.Core.Articles;

/// <summary>
/// Finds the headline: the last short, non-sentence line standing before the first paragraph of
/// running text. Copied pages put menus and prompts above the headline, so the line nearest the body
/// wins. When the page starts straight with a paragraph there is no headline and none is invented.
/// </summary>
public static partial class TitleExtractor
{
    // Lines between headline and story that look short enough to be one: bylines, dates, reading times,
    // photo credits. Seen on news templates that put "By X", "Published ..." or "5 min read" under the headline.
    [System.Text.RegularExpressions.GeneratedRegex(
        @"^(by|posted by|written by|words by|photo:|image:|credit:|published|updated|posted|last updated)\b|^\d+\s+min(ute)?s?\s+read$|^\d{1,2}:\d{2}|"
        + @"^(\w+day,?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|"
        + @"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BylineOrDate();

    private static bool IsBylineOrDate(string line) => BylineOrDate().IsMatch(line);

    private const int MaxTitleLength = 200;
    private const int MaxTitleWords = 30;

    /// <summary>Returns the headline line index in <paramref name="lines"/>, or -1.</summary>
    public static int FindTitleLine(IReadOnlyList<string> lines)
    {
        var candidate = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (PageLines.IsParagraph(line) && !LooksLikeHeadline(line))
            {
                break;
            }

            if (LooksLikeHeadline(line))
            {
                candidate = i;
            }
        }

        return candidate;
    }

    /// <summary>
    /// Headlines are short, do not end with a full stop, and have several words. A question mark is
    /// allowed ("Is NATO Next?") but a prompt like "Hi, what are you looking for?" is chrome and has
    /// been removed before this runs.
    /// </summary>
    public static bool LooksLikeHeadline(string line)
    {
        if (line.Length is < 10 or > MaxTitleLength || BoilerplateFilter.IsChrome(line))
        {
            return false;
        }

        var last = line[^1];
        if (last is '.' or ',' or ';' or ':' or '”' or '"')
        {
            return false;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 3 and <= MaxTitleWords && !IsBylineOrDate(line);
    }
}
