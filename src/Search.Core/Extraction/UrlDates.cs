using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Reads the date publishers write into article addresses: "/2022/03/17/", "/2022/mar/13/", "2022-03-15" or
/// "2022_03_15" in a slug, and "20220315" closing a number ("idUSTRE70H25720110118", "-20220406-p5abdi").
/// A path that gives only "/2022/" or "/2022/03/" yields the year (and month), which can complete a dateline.
/// Only the path is read: query strings carry tracking stamps.
/// </summary>
public static partial class UrlDates
{
    [GeneratedRegex(@"/(?<year>(?:19|20)\d{2})/(?<mon>0?[1-9]|1[0-2]|" + DateText.Month + @")/(?<day>0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Folders();

    [GeneratedRegex(@"(?<!\d)(?<year>(?:19|20)\d{2})(?<sep>[-_])(?<mon>0[1-9]|1[0-2])\k<sep>(?<day>0[1-9]|[12]\d|3[01])(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Separated();

    [GeneratedRegex(@"(?<year>199\d|20\d{2})(?<mon>0[1-9]|1[0-2])(?<day>0[1-9]|[12]\d|3[01])(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Packed();

    [GeneratedRegex(@"/(?<year>(?:19|20)\d{2})/(?:(?<mon>0?[1-9]|1[0-2]|" + DateText.Month + @")(?=/))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearFolder();

    /// <summary>The full day the address gives, or else its year and month when it gives those.</summary>
    public static (DateOnly? Day, int? Year, int? Month) Find(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return (null, null, null);
        }

        var path = uri.AbsolutePath;
        foreach (var regex in new[] { Folders(), Separated(), Packed() })
        {
            for (var match = regex.Match(path); match.Success; match = match.NextMatch())
            {
                if (Parts(match) is { } parts && DateText.Create(parts.Year, parts.Month, parts.Day) is { } day)
                {
                    return (day, day.Year, day.Month);
                }
            }
        }

        var folder = YearFolder().Match(path);
        if (!folder.Success)
        {
            return (null, null, null);
        }

        var year = int.Parse(folder.Groups["year"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        return (null, year, folder.Groups["mon"].Success ? MonthOf(folder.Groups["mon"].ValueSpan) : null);
    }

    private static (int Year, int Month, int Day)? Parts(Match match) =>
        MonthOf(match.Groups["mon"].ValueSpan) is { } month
        && int.TryParse(match.Groups["year"].ValueSpan, out var year)
        && int.TryParse(match.Groups["day"].ValueSpan, out var day)
            ? (year, month, day)
            : null;

    private static int? MonthOf(ReadOnlySpan<char> text) =>
        int.TryParse(text, out var number) ? number : DateText.MonthNumber(text);
}
