using System.Globalization;

namespace Search.Core.Articles;

/// <summary>
/// What a page's host says about its outlet when no table knows it: the registrable domain (aware of
/// two-level public suffixes such as co.uk or com.au), a readable name made from it ("bbc.co.uk" → "BBC",
/// "straitstimes.com" → "Straits Times"), and whether the host republishes other outlets' stories
/// (archives, blog platforms, news apps, forums), in which case the story's own outlet is wanted instead.
/// </summary>
public static class HostNames
{
    // Second-level labels under which country TLDs register names (bbc.co.uk, smh.com.au, gov.za, go.jp).
    private static readonly HashSet<string> SecondLevelLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "com", "org", "net", "gov", "govt", "ac", "edu", "or", "ne", "go", "gob", "nic", "mil", "ltd", "plc", "me", "in",
    };

    // Words a news site's domain often ends with; the part before them is the place or brand
    // ("brisbanetimes" → Brisbane Times, "ctvnews" → CTV News, "dispatchlive" → Dispatch Live).
    private static readonly string[] NewsWords =
    [
        "news", "times", "post", "herald", "independent", "express", "tribune", "journal", "gazette", "chronicle",
        "live", "online", "today", "daily", "mail", "star", "standard", "observer", "telegraph", "mirror", "record",
        "courier", "dispatch", "examiner", "press", "review", "report", "reporter", "media", "wire", "insider",
        "monitor", "guardian", "bulletin", "leader", "echo", "advertiser", "sentinel", "register", "enquirer",
        "inquirer", "citizen", "voice", "weekly", "globe", "argus", "democrat", "tv", "radio", "now",
    ];

    // Sites that show other outlets' stories: web archives, blog platforms, reading apps and news aggregators.
    private static readonly string[] RepostHosts =
    [
        "archive.is", "archive.ph", "archive.today", "archive.li", "archive.md", "archive.vn", "archive.org",
        "blogspot.com", "wordpress.com", "tumblr.com", "livejournal.com", "medium.com", "inkl.com", "newsnow.co.uk",
        "news.google.com", "flipboard.com", "msn.com", "newsbreak.com", "pressreader.com", "ground.news",
        "topnews.com", "headtopics.com", "dailyhunt.in", "reddit.com", "freerepublic.com", "democraticunderground.com",
    ];

    // Forum software addresses: a thread reposts what its first post quotes.
    private static readonly string[] ForumPathMarks =
    [
        "/threads/", "/thread/", "/topic/", "/topics/", "/forum/", "/forums/", "showthread.php", "viewtopic.php", "/t/", "/comments/",
    ];

    /// <summary>The lower-case host of a URL or bare host name, without "www.", or null.</summary>
    public static string? HostOf(string? urlOrHost)
    {
        if (string.IsNullOrWhiteSpace(urlOrHost))
        {
            return null;
        }

        var host = Uri.TryCreate(urlOrHost.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : urlOrHost.Trim();
        host = host.TrimEnd('.').ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>The registrable domain: "toronto.ctvnews.ca" → "ctvnews.ca", "feeds.bbci.co.uk" → "bbci.co.uk".</summary>
    public static string RegistrableDomain(string host)
    {
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length <= 2)
        {
            return string.Join('.', labels);
        }

        var twoLevel = labels[^1].Length == 2 && SecondLevelLabels.Contains(labels[^2]);
        return string.Join('.', labels[^(twoLevel ? 3 : 2)..]);
    }

    /// <summary>The name part of the registrable domain: "bbc.co.uk" → "bbc".</summary>
    public static string BrandLabel(string host) => RegistrableDomain(host).Split('.')[0];

    /// <summary>True when the page's address is an archive, blog platform, aggregator or forum thread.</summary>
    public static bool IsRepost(string? url)
    {
        var host = HostOf(url);
        if (host is null)
        {
            return false;
        }

        if (RepostHosts.Any(r => host == r || host.EndsWith("." + r, StringComparison.Ordinal))
            || host.Contains(".blogspot.", StringComparison.Ordinal)
            || host.StartsWith("forum.", StringComparison.Ordinal) || host.StartsWith("forums.", StringComparison.Ordinal))
        {
            return true;
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "";
        return ForumPathMarks.Any(mark => path.Contains(mark, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A readable outlet name made from a host the table does not know: short labels and call signs are
    /// written in capitals ("upi.com" → "UPI", "ktvz.com" → "KTVZ", "cbs4indy.com" → "CBS4 Indy"), a trailing
    /// news word is split off ("globalnews.ca" → "Global News"), a leading "the" is kept as "The".
    /// </summary>
    public static string NameFromHost(string host)
    {
        var label = BrandLabel(host).Replace('-', ' ');
        if (label.Contains(' ', StringComparison.Ordinal))
        {
            return string.Join(' ', label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Word(w, first: false)));
        }

        // Call signs have no vowels ("wftv", "kdlh") and are one token in capitals.
        if (!label.Any(c => "aeiouy".Contains(c, StringComparison.Ordinal)) && label.All(char.IsAsciiLetterOrDigit))
        {
            return label.ToUpperInvariant();
        }

        var prefix = "";
        if (label.Length > 6 && label.StartsWith("the", StringComparison.Ordinal))
        {
            prefix = "The ";
            label = label[3..];
        }

        // A call sign or channel with its number ("cbs4", "abc7", "fox5") stays one capitalised token.
        var letters = 0;
        while (letters < label.Length && char.IsAsciiLetter(label[letters]))
        {
            letters++;
        }

        var digits = letters;
        while (digits < label.Length && char.IsAsciiDigit(label[digits]))
        {
            digits++;
        }

        if (letters is > 0 and <= 5 && digits > letters)
        {
            var rest = label[digits..];
            return prefix + label[..digits].ToUpperInvariant() + (rest.Length > 0 ? " " + SplitNewsWord(rest, first: false) : "");
        }

        // A channel number before a word is written joined: "9news" → "9News".
        if (letters == 0 && digits < label.Length && char.IsAsciiDigit(label[0]))
        {
            var number = 0;
            while (number < label.Length && char.IsAsciiDigit(label[number]))
            {
                number++;
            }

            return prefix + label[..number] + Word(label[number..], first: false);
        }

        return prefix + SplitNewsWord(label, first: true);
    }

    private static string SplitNewsWord(string label, bool first)
    {
        foreach (var word in NewsWords)
        {
            if (label.Length > word.Length + 1 && label.EndsWith(word, StringComparison.Ordinal))
            {
                return Word(label[..^word.Length], first) + " " + Word(word, first: false);
            }
        }

        return Word(label, first);
    }

    /// <summary>Short brand labels are acronyms ("bbc", "upi", "ctv"); longer ones are words.</summary>
    private static string Word(string word, bool first) =>
        word.Length == 0 ? word
        : (first && word.Length <= 4) || word.Length <= 3 || !word.Any(c => "aeiouy".Contains(c, StringComparison.Ordinal))
            ? word.ToUpperInvariant()
            : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
