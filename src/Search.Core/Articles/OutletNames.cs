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
        ("Western Journal", ["The Western Journal", "Western Journalism", "westernjournal.com"]));

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
        return Canonical.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
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
