using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Finds the publication day when no metadata gives it, from what the page itself states, in this order:
/// <list type="number">
/// <item>a dated address (<see cref="UrlDates"/>): publishers put the first-publication day there, and it is
/// never a caption, a teaser or a crawl-time clock;</item>
/// <item>a labelled stamp in the header ("Published 3:04 PM EST, Tue March 15, 2022", "Updated: 4 November 2019"),
/// "published" before "updated";</item>
/// <item>a header stamp: a short line near the top that is a date with at most a byline, a time, a zone or a
/// section name around it ("Feb. 7, 2022 / 11:05 PM", "Jane Roe The Daily ExampleMay 27, 2019", "15 March 2022");</item>
/// <item>a wire dateline with its year ("LISBON, June 1, 2020 (Reuters) -");</item>
/// <item>a line anywhere that is only a labelled date ("Updated July 9, 2021" under the story);</item>
/// <item>a dateline without year ("WASHINGTON, March 18 (Reuters) -") when the address gives the year.</item>
/// </list>
/// Dates in running text are events, and captions and teasers carry other days, so only the header region
/// (the lines above the story and its first paragraphs) is read for stamps. Relative days ("on Tuesday",
/// "2 years ago") are never resolved: the page gives no reference point a reader could trust. Null beats a guess.
/// Each line is matched at most by a few compiled patterns; no pass runs over the whole text.
/// </summary>
public static partial class PublishedDateExtractor
{
    // How many non-empty lines count as the header region, and how many paragraphs of the story it may include.
    private const int HeaderLines = 15;
    private const int HeaderParagraphs = 2;

    [GeneratedRegex(@"^(?:(?<first>published|posted|first published|originally published)|(?<later>updated|last updated|modified|last modified))\b(?:\s+on)?\s*:?\s*(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    // Words a header stamp line may hold besides its date: bylines are capitalised names, these are the rest.
    [GeneratedRegex(@"^(?:by|and|on|at|published|posted|updated|last|first|modified|date|time|am|pm|a\.m\.|p\.m\.|ist|cet|est|edt|pst|pdt|cst|cdt|gmt|utc|bst|aest|aedt|sast|pkt|[+−-]?\d.*|[\p{P}\p{S}]+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StampWord();

    // A dateline opening the story: "LISBON, June 1, 2020 (Reuters) -", "WASHINGTON, March 18 (UPI) --",
    // "Thane, Nov 13 (PTI) Maharashtra", "[India], Dec 16 (ANI):", "March 3, 2022 —".
    [GeneratedRegex(@"^(?:\[?\p{Lu}[\p{L}\p{M} .'’\]-]{1,40}(?:,\s*[\p{Lu}\[][\p{L}\p{M} .'’\]-]{1,30})?,\s+)?(?<date>(?<mon>" + DateText.Month + @")\s+(?<day>\d{1,2})(?:,\s*(?<year>(?:19|20)\d{2}))?)\s*(?:\([^)]{1,30}\)\s*(?:[-–—]+|:|(?=\p{Lu}))|[-–—]+)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^(?:archived|captured|retrieved|accessed|saved|cached|crawled)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyStamp();

    /// <summary>The publication day found in the page lines, or null.</summary>
    public static DateOnly? Extract(IReadOnlyList<string> lines) => Extract(lines, null);

    /// <summary>The publication day from the address and the page lines, or null.</summary>
    public static DateOnly? Extract(IReadOnlyList<string> lines, string? url)
    {
        var fromUrl = UrlDates.Find(url);
        if (fromUrl.Day is { } urlDay)
        {
            return urlDay;
        }

        DateOnly? labelledFirst = null, labelledLater = null, stamp = null, dateline = null;
        (int Month, int Day)? yearless = null;
        int seen = 0, paragraphs = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (++seen > HeaderLines || paragraphs >= HeaderParagraphs)
            {
                break;
            }

            // Stamps are checked on paragraph-like lines too ("… 21:47 (UTC +04:00)" ends like a sentence):
            // the stamp test itself refuses running text.
            paragraphs += PageLines.IsParagraph(line) ? 1 : 0;
            ReadDateline(line, ref dateline, ref yearless);
            if (line.Length > 160 || CopyStamp().IsMatch(line))
            {
                continue;
            }

            if (Labelled(line, anchored: false) is { } labelled)
            {
                if (labelled.First)
                {
                    labelledFirst ??= labelled.Day;
                }
                else
                {
                    labelledLater ??= labelled.Day;
                }

                continue;
            }

            stamp ??= Stamp(line);
        }

        var found = labelledFirst ?? labelledLater ?? stamp ?? dateline ?? LabelledAnywhere(lines);
        if (found is not null)
        {
            return found;
        }

        return yearless is { } md && fromUrl.Year is { } year && (fromUrl.Month is null || fromUrl.Month == md.Month)
            ? DateText.Create(year, md.Month, md.Day)
            : null;
    }

    private static (bool First, DateOnly Day)? Labelled(string line, bool anchored)
    {
        var label = Label().Match(line);
        if (!label.Success)
        {
            return null;
        }

        var rest = label.Groups["rest"].Value;
        var date = DateText.Find(rest);
        if (date is null || (anchored && !OnlyStampWords(rest, date.Value.Index, date.Value.Length)))
        {
            return null;
        }

        // The date must come early in the label's line: "Published 3:04 PM EST, Tue March 15, 2022", not a sentence.
        return date.Value.Index <= 30 ? (label.Groups["first"].Success, date.Value.Day) : null;
    }

    /// <summary>True for a short line that is a date stamp (a date with at most a byline, time or zone around it).</summary>
    public static bool IsDateStamp(string line) => line.Length <= 160 && (Stamp(line) is not null || Labelled(line, anchored: true) is not null);

    /// <summary>A line that is a date with only a byline, a time, a zone or separators around it.</summary>
    private static DateOnly? Stamp(string line)
    {
        var date = DateText.Find(line);
        return date is { } d && OnlyStampWords(line, d.Index, d.Length) ? d.Day : null;
    }

    private static bool OnlyStampWords(string line, int dateIndex, int dateLength)
    {
        var rest = string.Concat(line.AsSpan(0, dateIndex), " ", line.AsSpan(dateIndex + dateLength));
        var letters = 0;
        foreach (var word in rest.Split([' ', '/', '|', '•', '·', ',', '(', ')', '\u00a0'], StringSplitOptions.RemoveEmptyEntries))
        {
            letters += word.Length;
            if (letters > 50 || (!char.IsUpper(word[0]) && !StampWord().IsMatch(word)))
            {
                return false;
            }
        }

        return true;
    }

    private static void ReadDateline(string line, ref DateOnly? dateline, ref (int Month, int Day)? yearless)
    {
        if (dateline is not null || line.Length < 12)
        {
            return;
        }

        var match = Dateline().Match(line);
        if (!match.Success || DateText.MonthNumber(match.Groups["mon"].ValueSpan) is not { } month || !int.TryParse(match.Groups["day"].ValueSpan, out var day))
        {
            return;
        }

        if (match.Groups["year"].Success && int.TryParse(match.Groups["year"].ValueSpan, out var year))
        {
            dateline = DateText.Create(year, month, day);
        }
        else
        {
            yearless ??= (month, day);
        }
    }

    /// <summary>A line anywhere that is only a labelled date, such as "Updated July 9, 2021" under the story.</summary>
    private static DateOnly? LabelledAnywhere(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Length is > 12 and <= 80 && "PpUuLlFfMmOo".Contains(line[0], StringComparison.Ordinal) && Labelled(line, anchored: true) is { } labelled)
            {
                return labelled.Day;
            }
        }

        return null;
    }

    /// <summary>Parses the first full date in a metadata value: "March 3, 2022", "Thu, 3 Mar 2022 10:00 GMT", "2022-03-03".</summary>
    public static bool TryParse(string text, out DateOnly day)
    {
        var found = DateText.Find(text);
        day = found?.Day ?? default;
        return found is not null;
    }
}
