using System.Globalization;

using Search.Core.Extraction;

namespace Search.Core.Articles;

/// <summary>
/// Publication days, read one way everywhere: <see cref="ParseLenient"/> for days found in data (JSON lines,
/// page metadata, folder metadata), <see cref="TryParseIso"/> for the API's contract, which takes yyyy-MM-dd only.
/// </summary>
public static class DayParser
{
    /// <summary>The format days are written in by the API, the index and the data files.</summary>
    public const string IsoFormat = "yyyy-MM-dd";

    /// <summary>
    /// The calendar day of a date as a publisher or a data file wrote it: an ISO date, or a timestamp that starts
    /// with one (the offset is ignored, so "2022-03-03T23:30-05:00" stays the 3rd), or a written-out date
    /// ("March 3, 2022", "3 Mar 2022", "Sept. 3rd, 2022"). Null when there is none.
    /// </summary>
    public static DateOnly? ParseLenient(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length >= IsoFormat.Length && TryParseIso(value[..IsoFormat.Length], out var iso))
        {
            return iso;
        }

        return PublishedDateExtractor.TryParse(value, out var day) ? day : null;
    }

    /// <summary>Exactly yyyy-MM-dd, as the API's parameters and fields are documented.</summary>
    public static bool TryParseIso(string? value, out DateOnly day) =>
        DateOnly.TryParseExact(value, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
