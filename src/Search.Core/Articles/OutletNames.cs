namespace Search.Core.Articles;

/// <summary>
/// One spelling per outlet, so that facets count "NYT", "New York Times" and "nytimes.com" as one
/// value. The table holds widely cited news organisations and their usual short forms; an outlet not
/// in it keeps the name the text gives (or its host name).
/// </summary>
public static class OutletNames
{
    private static readonly Dictionary<string, string> Canonical = BuildTable(
        ("The New York Times", ["New York Times", "NYT", "NY Times", "nytimes.com", "the Times"]),
        ("The Washington Post", ["Washington Post", "WaPo", "washingtonpost.com"]),
        ("The Wall Street Journal", ["Wall Street Journal", "WSJ", "wsj.com"]),
        ("The Guardian", ["Guardian", "theguardian.com"]),
        ("The Associated Press", ["Associated Press", "AP", "apnews.com"]),
        ("Agence France-Presse", ["AFP", "Agence France Presse", "afp.com"]),
        ("Reuters", ["reuters.com", "Thomson Reuters"]),
        ("BBC News", ["BBC", "bbc.com", "bbc.co.uk"]),
        ("CNN", ["cnn.com", "CNN.com"]),
        ("Fox News", ["FOX News", "foxnews.com", "Fox"]),
        ("NBC News", ["NBC", "nbcnews.com"]),
        ("CBS News", ["CBS", "cbsnews.com"]),
        ("ABC News", ["ABC", "abcnews.go.com"]),
        ("NPR", ["National Public Radio", "npr.org"]),
        ("Politico", ["POLITICO", "politico.com"]),
        ("Bloomberg", ["Bloomberg News", "bloomberg.com"]),
        ("National Review", ["nationalreview.com"]),
        ("Daily Wire", ["The Daily Wire", "dailywire.com"]),
        ("Breitbart News", ["Breitbart", "breitbart.com"]),
        ("The Hill", ["thehill.com"]),
        ("USA Today", ["USA TODAY", "usatoday.com"]),
        ("HuffPost", ["Huffington Post", "The Huffington Post", "huffpost.com", "huffingtonpost.com"]),
        ("Axios", ["axios.com"]),
        ("Al Jazeera", ["aljazeera.com"]),
        ("Financial Times", ["FT", "The Financial Times", "ft.com"]),
        ("Xinhua", ["Xinhua News Agency", "xinhuanet.com"]),
        ("TASS", ["tass.com"]),
        ("Newsweek", ["newsweek.com"]),
        ("The Atlantic", ["theatlantic.com"]),
        ("Vox", ["vox.com"]),
        ("Daily Mail", ["The Daily Mail", "dailymail.co.uk"]),
        ("The Daily Caller", ["Daily Caller", "dailycaller.com"]),
        ("Washington Examiner", ["The Washington Examiner", "washingtonexaminer.com"]),
        ("The Washington Times", ["Washington Times", "washingtontimes.com"]),
        ("Western Journal", ["The Western Journal", "Western Journalism", "westernjournal.com"]),
        ("Los Angeles Times", ["The Los Angeles Times", "LA Times", "L.A. Times", "latimes.com"]),
        ("Chicago Tribune", ["The Chicago Tribune", "chicagotribune.com"]),
        ("The Boston Globe", ["Boston Globe", "bostonglobe.com"]),
        ("New York Post", ["The New York Post", "NY Post", "nypost.com"]),
        ("New York Daily News", ["The New York Daily News", "NY Daily News", "Daily News", "nydailynews.com"]),
        ("MSNBC", ["msnbc.com"]),
        ("PBS", ["PBS NewsHour", "pbs.org"]),
        ("Yahoo News", ["news.yahoo.com"]),
        ("BuzzFeed News", ["BuzzFeed", "buzzfeednews.com"]),
        ("Sky News", ["news.sky.com"]),
        ("The Independent", ["Independent", "independent.co.uk"]),
        ("The Telegraph", ["Daily Telegraph", "The Daily Telegraph", "telegraph.co.uk"]),
        ("The Economist", ["Economist", "economist.com"]),
        ("Time", ["TIME", "Time magazine", "time.com"]),
        ("Deutsche Welle", ["DW", "dw.com"]),
        ("RT", ["Russia Today", "rt.com"]),
        ("Sputnik", ["sputniknews.com"]),
        ("Kyodo News", ["Kyodo"]),
        ("Yonhap", ["Yonhap News Agency"]),
        ("Interfax", ["interfax.com"]),
        ("Global Times", ["globaltimes.cn"]),
        ("South China Morning Post", ["SCMP", "scmp.com"]),
        ("The Epoch Times", ["Epoch Times", "theepochtimes.com"]),
        ("The Federalist", ["Federalist", "thefederalist.com"]),
        ("The Blaze", ["TheBlaze", "Blaze", "theblaze.com"]),
        ("Newsmax", ["newsmax.com"]),
        ("The Intercept", ["theintercept.com"]),
        ("Mother Jones", ["motherjones.com"]),
        ("Slate", ["slate.com"]),
        ("The New Yorker", ["New Yorker", "newyorker.com"]),
        ("Business Insider", ["Insider", "businessinsider.com"]),
        ("CNBC", ["cnbc.com"]),
        ("Forbes", ["forbes.com"]),
        ("The Daily Beast", ["Daily Beast", "thedailybeast.com"]),
        ("Washington Free Beacon", ["Free Beacon", "The Washington Free Beacon", "freebeacon.com"]));

    private static Dictionary<string, string> BuildTable(params (string Name, string[] Aliases)[] entries)
    {
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, aliases) in entries)
        {
            table[name] = name;
            foreach (var alias in aliases)
            {
                table[alias] = name;
            }
        }

        return table;
    }

    /// <summary>The canonical name of an outlet, or the trimmed input when it is not a known alias.</summary>
    public static string Normalize(string name)
    {
        var trimmed = name.Trim().TrimEnd('.', ':', ',');
        if (Canonical.TryGetValue(trimmed, out var canonical))
        {
            return canonical;
        }

        // Feeds label sections after a dash ("New York Times - News", "Fox News - Opinion").
        var dash = trimmed.IndexOf(" - ", StringComparison.Ordinal);
        if (dash > 0 && Canonical.TryGetValue(trimmed[..dash], out var section))
        {
            return section;
        }

        // Running text writes "the Los Angeles Times"; an outlet's own name starts with a capital.
        return trimmed.StartsWith("the ", StringComparison.Ordinal) ? "The " + trimmed[4..] : trimmed;
    }

    /// <summary>True when the name is a known outlet or alias.</summary>
    public static bool IsKnown(string name) => Canonical.ContainsKey(name.Trim());

    /// <summary>The outlet name for a URL or host: a known outlet's name, else the host without "www.".</summary>
    public static string? FromUrlOrHost(string? urlOrHost)
    {
        if (string.IsNullOrWhiteSpace(urlOrHost))
        {
            return null;
        }

        var host = Uri.TryCreate(urlOrHost, UriKind.Absolute, out var uri) ? uri.Host : urlOrHost.Trim();
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            host = host[4..];
        }

        return Canonical.TryGetValue(host, out var canonical) ? canonical : host.ToLowerInvariant();
    }
}
