using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Finds the headline among the lines above the story. News templates stack, top to bottom: navigation,
/// a section label, the headline, then a standfirst, photo captions and credits, a byline, a date stamp and
/// video or teaser widgets, then the story. So the headline is the first substantial line after the navigation,
/// not the last line before the story (that is usually a caption, a standfirst or a stamp):
/// <list type="number">
/// <item>a document title copied at the top ("Headline | Known Outlet") gives the headline before its suffix;</item>
/// <item>else a headline line the page repeats (copied pages often show it twice);</item>
/// <item>else the first candidate of five words or more, else the first of three or more.</item>
/// </list>
/// Candidates exclude bylines, date stamps, relative times ("1 hour ago"), photo credits and captions,
/// all-capitals credit lists, browser and app notices, page furniture (skip links, leaked markup, consent
/// banners, menus, menu items run together), and lines that are the clipped start of a longer line
/// (an image's alt text before its full caption). A page that starts straight with its story has no
/// headline and none is invented (a headline shown only mid-story is not looked for).
/// </summary>
public static partial class TitleExtractor
{
    // Bylines, dates, reading times, photo credits: short lines that stand between headline and story.
    [GeneratedRegex(
        @"^(by|posted by|written by|words by|photo:|image:|credit:|published|updated|posted|last updated)\b|^\d+\s+min(ute)?s?\s+read$|^\d{1,2}:\d{2}|"
        + @"^(\w+day,?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|"
        + @"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s*$|"
        + @"\b\d+\s+(?:second|minute|hour|day|week|month|year)s?\b.*\bago$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineOrDate();

    // Photo credits and captions, and notices that are not the story's: "(Jane Roe/Getty Images)",
    // "Image source, Example Wire", "Download the app!", "Your web browser is no longer supported".
    [GeneratedRegex(
        @"^\(.*\)$|getty images|\bap photo\b|photo credit|image (?:source|caption)|^(?:photo|image|picture|credit|source)s?\b|\b(?:photo|image|picture)s?:\s|"
        + @"\b(?:download|subscribe|sign up|newsletter|web browser|cookies|javascript|app store|google play|on-demand|advertisement)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditOrNotice();

    // Glyphs templates put before a headline: a close button ("× ") or a comment count of zero ("0 ").
    [GeneratedRegex(@"^(?:[×✕✖►▶▸»]\s*|0\s+(?=\p{Lu}))+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingGlyphs();

    // A byline fused onto the headline: "Bridge toll could be low By JANE ROE and JOHN DOE, Example Writers".
    [GeneratedRegex(@"\s+By\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&))*(?:,.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FusedByline();

    // "Headline | Outlet", "Headline - Outlet": a document title copied at the top.
    [GeneratedRegex(@"^(?<head>.{8,}?)\s(?:\||-|–|—)\s(?<site>[^|–—]{2,50})$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentTitle();

    // Page furniture that a template prints where a headline could stand: skip links ("Skip to main content"),
    // markup that leaked as text (an element or an attribute list: class="post single" itemscope), consent
    // banners and a menu written as a row of short items ("News | Sport | Weather").
    [GeneratedRegex(
        @"^(?:skip|jump)\s+to\b|\bskip\s+to\s+(?:main\s+)?(?:content|navigation|search|footer)\b|<\s*/?\s*[a-z][a-z0-9]*[\s>/]|\b[a-z][a-z0-9:_-]*\s*=\s*[""'{]|\b(?:itemscope|itemprop|itemtype|aria-[a-z]+|data-[a-z-]+)\b|"
        + @"\b(?:accept|reject|manage)\s+(?:all\s+)?cookies\b|\bcookie\s+(?:policy|settings|preferences|consent)\b|\bprivacy\s+(?:policy|settings)\b|\bterms\s+of\s+(?:use|service)\b|"
        + @"^(?:[^|•·]{1,25}\s[|•·]\s){2,}[^|•·]{1,25}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageFurniture();

    private const int MaxTitleLength = 200;
    private const int MaxTitleWords = 30;
    private const int RegionLines = 30;

    /// <summary>Returns the headline line index in <paramref name="lines"/>, or -1.</summary>
    public static int FindTitleLine(IReadOnlyList<string> lines)
    {
        var candidates = new List<int>();
        for (var i = 0; i < lines.Count && i < RegionLines; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (LooksLikeHeadline(line))
            {
                if (!IsWidgetHeader(lines, i))
                {
                    candidates.Add(i);
                }
            }
            else if (PageLines.IsParagraph(line) && !IsLegalNotice(line) && !CreditOrNotice().IsMatch(line) && !IsTemplateCode(line) && !PageFurniture().IsMatch(line))
            {
                // The story has started; legal lines, notices and captions above the headline do not end the header.
                break;
            }
        }

        candidates.RemoveAll(i => IsClippedStart(lines, i));
        if (candidates.Count == 0)
        {
            return -1;
        }

        if (DocumentTitle().Match(lines[candidates[0]]) is { Success: true } document && OutletNames.IsKnown(document.Groups["site"].Value.Trim()))
        {
            return candidates[0];
        }

        // Each candidate is cleaned once: the repeat check compares every pair.
        var cleaned = candidates.Select(i => Clean(lines[i])).ToList();
        for (var a = 0; a < cleaned.Count; a++)
        {
            if (WordCount(cleaned[a]) >= 4 && cleaned.Skip(a + 1).Contains(cleaned[a], StringComparer.Ordinal))
            {
                return candidates[a];
            }
        }

        var substantial = cleaned.FindIndex(text => WordCount(text) >= 5);
        return candidates[substantial >= 0 ? substantial : 0];
    }

    /// <summary>The headline text of a title line: without leading glyphs, a fused byline or a known outlet's suffix.</summary>
    public static string Clean(string line)
    {
        var text = LeadingGlyphs().Replace(line, "");
        var document = DocumentTitle().Match(text);
        if (document.Success && OutletNames.IsKnown(document.Groups["site"].Value.Trim()))
        {
            text = document.Groups["head"].Value;
        }

        var byline = FusedByline().Match(text);
        if (byline.Success && WordCount(text[..byline.Index]) >= 3)
        {
            text = text[..byline.Index];
        }

        return text.Trim();
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

        var words = WordCount(line);
        return words is >= 3 and <= MaxTitleWords && !BylineOrDate().IsMatch(line) && !CreditOrNotice().IsMatch(line)
            && !PageFurniture().IsMatch(line) && GluedWords(line) < 2
            && !IsCreditList(line) && !IsNumberRow(line) && !IsTemplateCode(line) && !PublishedDateExtractor.IsDateStamp(line)
            && DateText.Find(line) is not { Index: 0 };
    }

    /// <summary>
    /// Menu items whose separators were lost run together ("NewsSportWeatherTravel"): how often a lower-case
    /// letter is followed by a capital inside a word, not counting name prefixes ("McCann", "MacLeod", "O'Neill").
    /// </summary>
    private static int GluedWords(string line)
    {
        var glued = 0;
        for (var i = 1; i < line.Length; i++)
        {
            if (char.IsUpper(line[i]) && char.IsLower(line[i - 1])
                && !(i >= 2 && line[i - 2] == 'M' && line[i - 1] == 'c') && !(i >= 3 && line.AsSpan(i - 3, 3).SequenceEqual("Mac")))
            {
                glued++;
            }
        }

        return glued;
    }

    /// <summary>An all-capitals list of names ("EXAMPLE TV, EXAMPLE WIRE, CITY OF RIVERTON"): a video's source credits.</summary>
    private static bool IsCreditList(string line) =>
        line.Count(c => c == ',') >= 2 && !line.Any(char.IsLower);

    /// <summary>A line followed by a row that is mostly numbers and times: the header of a widget table (weather, prayer times, markets).</summary>
    private static bool IsWidgetHeader(IReadOnlyList<string> lines, int index)
    {
        var next = index + 1 < lines.Count ? lines[index + 1] : "";
        return IsNumberRow(next);
    }

    private static bool IsNumberRow(string line)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length >= 3 && tokens.Count(t => char.IsAsciiDigit(t[0])) * 2 >= tokens.Length;
    }

    /// <summary>Unrendered template code in a widget ("$dmi_content.escapeHtml4(...)", "{{ weather }}").</summary>
    private static bool IsTemplateCode(string line)
    {
        var dollar = line.IndexOf('$', StringComparison.Ordinal);
        return line.Contains("{{", StringComparison.Ordinal)
            || (dollar >= 0 && dollar + 1 < line.Length && (char.IsAsciiLetter(line[dollar + 1]) || line[dollar + 1] is '_' or '{'));
    }

    private static bool IsLegalNotice(string line) =>
        line.Contains('©', StringComparison.Ordinal) || line.Contains("rights reserved", StringComparison.OrdinalIgnoreCase)
        || line.Contains("may not be published", StringComparison.OrdinalIgnoreCase);

    /// <summary>A candidate that is the start of a longer line nearby: an image's alt text clipped before its caption.</summary>
    private static bool IsClippedStart(IReadOnlyList<string> lines, int index)
    {
        var line = lines[index];
        for (var j = index + 1; j < lines.Count && j <= index + 4; j++)
        {
            if (lines[j].Length > line.Length + 10 && lines[j].StartsWith(line, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
