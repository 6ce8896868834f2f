using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Finds and parses a full calendar date written in text: "March 3, 2022", "Feb. 7, 2022", "Tue March 15, 2022",
/// "15 March 2022", "4th of July 2008", "2022-03-03". A weekday that contradicts the date voids it.
/// </summary>
public static partial class DateText
{
    public const string Month =
        "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

    // The month-first form may be glued to a preceding word ("The Daily ExampleMay 27, 2019" in copied bylines).
    [GeneratedRegex(@"(?:(?<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:(?<mon>" + Month + @")\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?<year>(?:19|20)\d{2})|(?<![\d])(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Month + @"),?\s+(?<year>(?:19|20)\d{2})|(?<![\d])(?<year>(?:19|20)\d{2})-(?<mnum>[01]\d)-(?<day>[0-3]\d))(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    /// <summary>The first full date in the text, with where it stands, or null.</summary>
    public static (DateOnly Day, int Index, int Length)? Find(string text)
    {
        for (var match = FullDate().Match(text); match.Success; match = match.NextMatch())
        {
            var month = match.Groups["mnum"].Success
                ? int.Parse(match.Groups["mnum"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)
                : MonthNumber(match.Groups["mon"].ValueSpan);
            if (month is null
                || !int.TryParse(match.Groups["day"].ValueSpan, out var day)
                || !int.TryParse(match.Groups["year"].ValueSpan, out var year)
                || Create(year, month.Value, day) is not { } date)
            {
                continue;
            }

            if (match.Groups["wd"].Success && !WeekdayAgrees(match.Groups["wd"].ValueSpan, date))
            {
                continue;
            }

            return (date, match.Index, match.Length);
        }

        return null;
    }

    /// <summary>1–12 for a month name or its abbreviation ("Sept.", "mar"), else null.</summary>
    public static int? MonthNumber(ReadOnlySpan<char> name)
    {
        if (name.Length < 3)
        {
            return null;
        }

        Span<char> key = stackalloc char[3];
        name[..3].ToLowerInvariant(key);
        return key switch
        {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            "dec" => 12,
            _ => null,
        };
    }

    /// <summary>The day, or null when the numbers are no calendar day.</summary>
    public static DateOnly? Create(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static bool WeekdayAgrees(ReadOnlySpan<char> weekday, DateOnly date) =>
        weekday[..3].Equals(date.DayOfWeek.ToString().AsSpan(0, 3), StringComparison.OrdinalIgnoreCase);
}
