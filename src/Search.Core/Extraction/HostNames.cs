namespace Search.Core.Extraction;

/// <summary>
/// What a page's host says about its outlet when no table knows it: the registrable domain (aware of
/// two-level public suffixes such as co.uk or com.au), which is the honest outlet of an unknown site (a name
/// made up from the host, "Heraldmail Media" for heraldmailmedia.com, is wrong more often than right), and
/// whether the host republishes other outlets' stories (archives, blog platforms, news apps, forums), in which
/// case the story's own outlet is wanted instead.
/// </summary>
public static class HostNames
{
    // Second-level labels under which country TLDs register names (bbc.co.uk, smh.com.au, gov.za, go.jp).
    private static readonly HashSet<string> SecondLevelLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "com", "org", "net", "gov", "govt", "ac", "edu", "or", "ne", "go", "gob", "nic", "mil", "ltd", "plc", "me", "in",
    };

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

    /// <summary>The registrable domain in lower case: "toronto.ctvnews.ca" → "ctvnews.ca", "feeds.bbci.co.uk" → "bbci.co.uk".</summary>
    public static string RegistrableDomain(string host)
    {
        var labels = host.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries);
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
}
