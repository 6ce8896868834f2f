using System.Collections.Frozen;

namespace Search.Core.Extraction;

/// <summary>
/// One spelling per outlet, so that facets count "NYT", "New York Times" and "nytimes.com" as one value.
/// The table (<c>news-outlets.tsv</c>, an embedded resource) was seeded from the AllSides corpus's url → outlet
/// pairs and curated by hand with wires, broadcasters and national papers; an outlet not in it keeps the name
/// the page gives, or its registrable domain (<see cref="HostNames.RegistrableDomain"/>).
/// </summary>
public static class OutletNames
{
    private const string ResourceName = "Search.Core.Articles.news-outlets.tsv";

    private static readonly FrozenDictionary<string, string> Canonical = LoadTable();

    private static FrozenDictionary<string, string> LoadTable()
    {
        using var stream = typeof(OutletNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                rows.Add(line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        // Canonical names first, so that an alias can never take over another outlet's own name.
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            table[row[0]] = row[0];
        }

        foreach (var row in rows)
        {
            foreach (var alias in row.Skip(1))
            {
                table.TryAdd(alias, row[0]);
            }
        }

        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
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

    /// <summary>The known outlet of a host or one of its parent domains ("toronto.ctvnews.ca" → CTV News), or null.</summary>
    public static string? FromKnownHost(string host)
    {
        var rest = host.AsSpan().Trim().TrimEnd('.');
        var lookup = Canonical.GetAlternateLookup<ReadOnlySpan<char>>();
        while (true)
        {
            if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[4..];
            }

            if (rest.Contains('.') && lookup.TryGetValue(rest, out var canonical))
            {
                return canonical;
            }

            var dot = rest.IndexOf('.');
            if (dot < 0 || rest[(dot + 1)..].IndexOf('.') < 0)
            {
                return null;
            }

            rest = rest[(dot + 1)..];
        }
    }

    /// <summary>The outlet name for a URL or host: a known outlet's name, else the registrable domain in lower case.</summary>
    public static string? FromUrlOrHost(string? urlOrHost) =>
        HostNames.HostOf(urlOrHost) is { } host ? FromKnownHost(host) ?? HostNames.RegistrableDomain(host) : null;
}
