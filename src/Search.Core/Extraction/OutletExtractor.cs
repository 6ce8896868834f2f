using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Names the publication whose page this is, not the host it sits on, and not the sources it credits:
/// <list type="number">
/// <item>on an archive, blog platform, reading app or forum thread (<see cref="HostNames.IsRepost"/>), the
/// story's own outlet: a credit line ("Get the full story from X"), the title suffix, a wire dateline
/// ("AMMAN (BNO NEWS) --"), a byline credit ("By Jane Roe, AP National Writer") or an outlet name standing
/// alone at the top (reading apps print it above the headline);</item>
/// <item>the HTML's own declaration (og:site_name, JSON-LD publisher), already found by <see cref="HtmlArticleExtractor"/>;</item>
/// <item>the outlet table by host (<see cref="OutletNames.FromKnownHost"/>);</item>
/// <item>for other hosts, a title suffix ("Headline | Site") or a copyright line, when the name agrees with
/// the host (a "© The Associated Press" line on a station's site credits the wire, it does not name the site);</item>
/// <item>a name the page writes that spells the host's brand, else the registrable domain in lower case
/// (<see cref="HostNames.RegistrableDomain"/>), never a name made up from the host; with no address at all, the credit.</item>
/// </list>
/// </summary>
public static partial class OutletExtractor
{
    // How far down the page the repost credits and title suffix are looked for: above the story.
    private const int TopLines = 15;

    // "Headline | Outlet", "Headline - Outlet", "Headline — Outlet" (the page's own document title, copied).
    [GeneratedRegex(@"^.{8,}?\s(?:\||-|–|—)\s(?<name>[^|–—]{2,50})$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleSuffix();

    // "© 2019 The Associated Press. All rights reserved.", "©2020 FOX News Network, LLC.", "Copyright Example Daily 2021".
    [GeneratedRegex(@"(?:(?:©|\([cC]\)|(?i:copyright))\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?<name>\p{Lu}[\p{L}\d.&'’ -]{1,60}?)(?:,?\s+(?:LLC|Inc|Ltd|Limited|plc|Corp|Co)\.?)?\s*(?:\d{4}\s*)?(?:[.,;|]|\s+(?i:all\s+rights)|$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightHolder();

    // A wire dateline opening the story: "AMMAN (BNO NEWS) --", "WASHINGTON, March 3 (Reuters) -", "[India], Dec 16 (ANI):".
    [GeneratedRegex(@"^\[?\p{Lu}[\p{L}\p{M} .'’\]-]{1,40}(?:,[^()\n]{1,40})?\s*\((?<name>\p{Lu}[\p{L} .&-]{1,30})\)\s*(?:[-–—]+|:|\s(?=\p{Lu}))",
        RegexOptions.CultureInvariant)]
    private static partial Regex WireDateline();

    // A byline that credits an outlet: "By SHARON COHEN and ADAM GELLER, AP National Writers", "By Jane Roe, CNN".
    [GeneratedRegex(@"\bBy\s+[^,\n]{3,80},\s+(?<name>\p{Lu}[\p{L}.&' ]{1,50})$", RegexOptions.CultureInvariant)]
    private static partial Regex BylineCredit();

    [GeneratedRegex(@"(?:\s+(?:Network|Media|Group|Company|Corporation|Holdings|Publishing|Newspapers|Communications|Broadcasting))+$", RegexOptions.CultureInvariant)]
    private static partial Regex CorporateTail();

    /// <summary>The outlet of a page, from its address, HTML site name, page lines (before boilerplate removal) and credit.</summary>
    public static string? Find(string? urlOrHost, string? siteName, IReadOnlyList<string> pageLines, string? credit)
    {
        var host = HostNames.HostOf(urlOrHost);
        var known = host is null ? null : OutletNames.FromKnownHost(host);
        if (known is null && HostNames.IsRepost(urlOrHost) && (credit ?? StoryCredit(pageLines)) is { } story)
        {
            return story;
        }

        if (siteName is not null)
        {
            return siteName;
        }

        if (known is not null)
        {
            return known;
        }

        return FindTitleSuffix(pageLines, host) ?? FindCopyrightHolder(pageLines, host)
            ?? (host is null ? credit : FindHostSpelledOut(pageLines, host) ?? HostNames.RegistrableDomain(host));
    }

    /// <summary>The outlet a reposted story credits, from the lines above and at the start of the story.</summary>
    private static string? StoryCredit(IReadOnlyList<string> lines)
    {
        var seen = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (++seen > TopLines)
            {
                break;
            }

            if (line.Length <= 40 && OutletNames.IsKnown(line))
            {
                return OutletNames.Normalize(line);
            }

            var found = FromMatch(TitleSuffix().Match(line), requireKnown: true)
                ?? FromMatch(WireDateline().Match(line), requireKnown: false)
                ?? FromMatch(BylineCredit().Match(line), requireKnown: true);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string? FromMatch(Match match, bool requireKnown)
    {
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim();
        if (KnownPrefix(name) is { } known)
        {
            return known;
        }

        return requireKnown ? null : OutletNames.Normalize(TidyCapitals(name));
    }

    /// <summary>The longest run of leading words that names a known outlet ("AP National Writers" → AP), or null.</summary>
    private static string? KnownPrefix(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var take = Math.Min(words.Length, 6); take >= 1; take--)
        {
            var candidate = string.Join(' ', words, 0, take);
            if (OutletNames.IsKnown(candidate))
            {
                return OutletNames.Normalize(candidate);
            }

            var trimmed = CorporateTail().Replace(candidate, "");
            if (trimmed.Length < candidate.Length && OutletNames.IsKnown(trimmed))
            {
                return OutletNames.Normalize(trimmed);
            }
        }

        return null;
    }

    private static string? FindTitleSuffix(IReadOnlyList<string> lines, string? host)
    {
        var first = lines.FirstOrDefault(l => l.Length > 0);
        var match = first is null ? Match.Empty : TitleSuffix().Match(first);
        return match.Success ? Accept(match.Groups["name"].Value, host, anyWithoutHost: false) : null;
    }

    private static string? FindCopyrightHolder(IReadOnlyList<string> lines, string? host)
    {
        foreach (var line in lines)
        {
            if (line.Length > 300 || (!line.Contains('©', StringComparison.Ordinal) && !line.Contains("opyright", StringComparison.OrdinalIgnoreCase) && !line.Contains("(c)", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var match = CopyrightHolder().Match(line);
            if (match.Success && Accept(match.Groups["name"].Value, host, anyWithoutHost: true) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    // A run of capitalised words ("Free Beacon", "Herald-Mail", "Amwal Al Ghad"), lower-case particles allowed inside.
    [GeneratedRegex(@"\p{Lu}[\p{L}&'’-]*(?:[ \u00a0]+(?:(?:al|el|de|of|the)[ \u00a0]+)?\p{Lu}[\p{L}&'’-]*){0,4}", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedRun();

    /// <summary>
    /// A name the page writes that spells the host's brand label exactly, maybe without a trailing edition word
    /// ("Samaa" on samaaenglish.tv, "Herald-Mail" on heraldmailmedia.com, "Free Beacon" on freebeacon.com):
    /// the words a concatenated host name is made of, which cannot be split without the page.
    /// </summary>
    private static string? FindHostSpelledOut(IReadOnlyList<string> lines, string host)
    {
        var label = Compact(HostNames.BrandLabel(host));
        if (label.Length < 5)
        {
            return null;
        }

        string[] editions = ["", "english", "online", "media", "news", "today", "daily", "web"];
        foreach (var line in lines.Take(200))
        {
            foreach (Match run in CapitalisedRun().Matches(line))
            {
                // Every trailing part of the run, longest first: "Read more at Free Beacon" → "Free Beacon".
                var words = run.Value.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
                for (var skip = 0; skip < words.Length; skip++)
                {
                    var name = string.Join(' ', words.Skip(skip));
                    var compact = Compact(name);
                    // One word that only repeats the label ("CTVNews") tells nothing the host does not.
                    var repeatsLabel = compact == label && !name.Contains(' ', StringComparison.Ordinal) && !name.Contains('-', StringComparison.Ordinal);
                    if (compact.Length >= 4 && !repeatsLabel && editions.Any(e => compact + e == label))
                    {
                        return TidyCapitals(name);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A name from the page is the outlet when it agrees with the host. Without a host, a copyright holder is
    /// taken as it is, but a title suffix only when it is a known outlet ("Obama signs bill - report" is a headline).
    /// </summary>
    private static string? Accept(string name, string? host, bool anyWithoutHost)
    {
        name = name.Trim().TrimEnd('.', ',');
        var known = KnownPrefix(name);
        var full = known ?? OutletNames.Normalize(CorporateTail().Replace(name, ""));
        if (host is null)
        {
            return anyWithoutHost || known is not null ? full : null;
        }

        return AgreesWithHost(full, host) || (known is not null && AgreesWithHost(name, host)) ? full : null;
    }

    /// <summary>
    /// True when a name and a host spell the same brand: "Tottenham Independent" and thetottenhamindependent.co.uk,
    /// "East Anglian Daily Times" and eadt.co.uk (initials), "CTV News" and ctvnews.ca.
    /// </summary>
    public static bool AgreesWithHost(string name, string host)
    {
        var label = Compact(HostNames.BrandLabel(host));
        var compact = Compact(name);
        if (label.Length == 0 || compact.Length == 0)
        {
            return false;
        }

        var initials = string.Concat(name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Equals("the", StringComparison.OrdinalIgnoreCase) && char.IsLetterOrDigit(w[0]))
            .Select(w => char.ToLowerInvariant(w[0])));
        return compact == label
            || (Math.Min(label.Length, compact.Length) >= 4 && (label.Contains(compact, StringComparison.Ordinal) || compact.Contains(label, StringComparison.Ordinal)))
            || (initials.Length >= 2 && initials == label);
    }

    private static string Compact(string text)
    {
        var letters = string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
        return letters.Length > 6 && letters.StartsWith("the", StringComparison.Ordinal) ? letters[3..] : letters;
    }

    /// <summary>"BNO NEWS" → "BNO News": capitals kept for short acronyms, words written as words.</summary>
    private static string TidyCapitals(string name) =>
        name.Any(char.IsLower) ? name : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length <= 3 ? w : w[0] + w[1..].ToLowerInvariant()));
}
