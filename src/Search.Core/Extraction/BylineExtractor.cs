using System.Globalization;
using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Finds who wrote an article in its page lines: "By Matt Dennien", "Written by David A. Fahrenthold",
/// "By Jane Roe | Fox News", "By JANE ROE and JOHN DOE, AP National Writers", a "By" line followed by the names,
/// "Jane Roe | Reuters", and the wire footer "(Reporting by Jane Roe in Paris; Editing by John Doe)".
/// Agencies and outlets in a byline ("By Reuters", "By Jane Roe, CNN") are credits, never authors. Editors in a
/// wire footer are not authors either: they did not report the story. Written for copied news pages (menus and
/// bylines kept); misses bylines without "By" that are only a name on its own line, which look like any caption.
/// </summary>
public static partial class BylineExtractor
{
    /// <summary>Byline lines are short; a long line is running text, where "by" joins a clause, not a name.</summary>
    private const int MaxBylineLength = 160;

    // "By Jane Roe", "Written by Jane Roe", "BY JANE ROE", "By: Jane Roe"; the names run to the end of the line.
    [GeneratedRegex(@"^(?:By|BY|(?:Written|Words|Story|Text|Reported)\s+by)\s*:?\s+(?<names>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingBy();

    // A headline or teaser followed by its byline on the same line: "... could be low By JANE ROE and JOHN DOE, AP".
    // Not a credit for a picture: "Photo By Jane Roe", "Illustration by The Washington Post".
    [GeneratedRegex(@"(?<!(?i:photo|photos|photograph|image|images|picture|illustration|graphic|graphics|video|cartoon|edited|produced|designed)\s)\s(?:By|BY)\s+(?<names>\p{Lu}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingBy();

    // "Jane Roe | Reuters", "Jane Roe / CNN": names, a bar, a known outlet.
    [GeneratedRegex(@"^(?<names>[^|/]{4,80}?)\s*[|/]\s*(?<outlet>[^|/]{2,60})$", RegexOptions.CultureInvariant)]
    private static partial Regex NamesBarOutlet();

    // Wire footers: "(Reporting by Jane Roe in Paris; Additional reporting by John Doe; Editing by Ann Lee)".
    [GeneratedRegex(@"(?:^|[(\s;])(?i:additional\s+)?(?i:reporting|writing|written|compiled)\s+by\s+(?<names>[^;)\n]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ReportingBy();

    // Separators inside a list of names; a bar, a bullet or a dash ends the names ("By Jane Roe | Fox News").
    [GeneratedRegex(@"\s*(?:,|;|\s&\s|\sand\s|\sAND\s)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"\s+[|•·]\s*|\s+[-–—]\s+|\s{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex EndOfNames();

    // " in Washington" after a reporter's name in a wire footer.
    [GeneratedRegex(@"\s+in\s+\p{Lu}.*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceSuffix();

    /// <summary>The authors and credits of the page whose lines (furniture included) are <paramref name="pageLines"/>.</summary>
    public static Byline Extract(IReadOnlyList<string> pageLines)
    {
        var authors = new List<string>();
        var credits = new List<string>();
        for (var i = 0; i < pageLines.Count; i++)
        {
            var line = pageLines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length <= MaxBylineLength)
            {
                ReadBylineLine(pageLines, i, authors, credits);
            }

            foreach (Match match in ReportingBy().Matches(line))
            {
                ReadNames(match.Groups["names"].Value, authors, credits, stripPlace: true);
            }
        }

        return authors.Count == 0 && credits.Count == 0 ? Byline.None : new Byline(authors, credits);
    }

    private static void ReadBylineLine(IReadOnlyList<string> lines, int i, List<string> authors, List<string> credits)
    {
        var line = lines[i];
        if (line is "By" or "BY" or "By:" or "BY:")
        {
            // The names on the next line: "By" / "AFP" / "|" / "October 10, 2014".
            if (NextNonBlank(lines, i) is { } next && next.Length <= 80)
            {
                ReadNames(next, authors, credits, stripPlace: false);
            }

            return;
        }

        var match = LeadingBy().Match(line);
        if (!match.Success)
        {
            match = TrailingBy().Match(line);
        }

        if (match.Success)
        {
            ReadNames(match.Groups["names"].Value, authors, credits, stripPlace: false);
            return;
        }

        var bar = NamesBarOutlet().Match(line);
        if (bar.Success && CreditName(bar.Groups["outlet"].Value) is { } outlet)
        {
            var names = NameSeparator().Split(bar.Groups["names"].Value.Trim());
            // Every piece must be a person: "Sinkhole of bureaucracy | The Washington Post" is a headline.
            var people = names.Select(AsPersonName).ToList();
            if (people.All(p => p is not null))
            {
                AddEach(authors, people!);
                AddEach(credits, [outlet]);
            }
        }
    }

    /// <summary>
    /// Reads a list of names: people become authors, outlets and agencies credits, anything else (roles,
    /// dates, "Staff Writer") is dropped.
    /// </summary>
    private static void ReadNames(string text, List<string> authors, List<string> credits, bool stripPlace)
    {
        var parts = EndOfNames().Split(text.Trim());
        // The first part holds the names; what follows a bar or a dash is an outlet or a date.
        foreach (var (piece, index) in parts.SelectMany((part, p) => NameSeparator().Split(part).Select(s => (s, p))))
        {
            var candidate = stripPlace ? PlaceSuffix().Replace(piece, "") : piece;
            candidate = candidate.Trim().TrimEnd('.', ':').Trim();
            if (candidate.Length == 0)
            {
                continue;
            }

            if (CreditName(candidate) is { } credit)
            {
                AddEach(credits, [credit]);
            }
            else if (index == 0 && AsPersonName(candidate) is { } person)
            {
                AddEach(authors, [person]);
            }
        }
    }

    private static string? NextNonBlank(IReadOnlyList<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count && j <= i + 2; j++)
        {
            if (lines[j].Length > 0)
            {
                return lines[j];
            }
        }

        return null;
    }

    /// <summary>
    /// The outlet's name when the text names an agency or a known outlet ("Reuters"; "AP National Writers" is the AP),
    /// or null: a credit, not a person.
    /// </summary>
    private static string? CreditName(string text)
    {
        var name = text.Trim().TrimEnd('.');
        if (BylineWords.Agencies.Contains(name) || OutletNames.IsKnown(name))
        {
            return OutletNames.Normalize(name);
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && BylineWords.Agencies.Contains(words[0]) && words.Skip(1).All(BylineWords.IsRoleWord)
            ? OutletNames.Normalize(words[0])
            : null;
    }

    /// <summary>
    /// The text as a person's name ("Jane A. Roe"; all capitals become "Jane Roe"), or null: two to five words, each
    /// capitalised, an initial, or a particle inside the name ("de", "van"), none a role, outlet, place or date word.
    /// </summary>
    internal static string? AsPersonName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length is < 2 or > 5)
        {
            return null;
        }

        var shouting = words.All(w => !w.Any(char.IsLower));
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            var inside = w > 0 && w < words.Length - 1;
            if (inside && BylineWords.Particles.Contains(word))
            {
                continue;
            }

            if (!char.IsUpper(word[0]) || !word.All(c => char.IsLetter(c) || c is '.' or '\'' or '’' or '-')
                || BylineWords.IsRoleWord(word) || BylineWords.Agencies.Contains(word))
            {
                return null;
            }

            if (shouting && word.Length > 2 && !word.EndsWith('.'))
            {
                words[w] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word.ToLowerInvariant());
            }
        }

        var name = string.Join(' ', words);
        return OutletNames.IsKnown(name) ? null : name;
    }

    private static void AddEach(List<string> into, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            if (!into.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                into.Add(value);
            }
        }
    }
}
