using Search.Core.Extraction;

namespace Search.Core.Querying.Facets;

/// <summary>
/// One person, one speaker value across the corpus, at read time (#22): articles keep their names as extracted, and
/// this table maps each alias to its canonical name ("Obama" → "Barack Obama", "Donald J. Trump" → "Donald Trump")
/// by <see cref="SpeakerNameResolver"/>'s rule over every speaker value of the corpus with its article count. The
/// input is a set of (name, count) pairs, so the table is the same in any ingest order and on any layout (shards
/// send their values and the coordinator sums them). Applied when counting the speaker facet (counts of aliases fold
/// into their name: exact, since no article holds two names of one person, see
/// <see cref="SpeakerNameResolver.ResolveWithinArticle"/>), when filtering (a name keeps its aliases' articles) and
/// when presenting (hits, quotes, speaker pages, suggestions). Immutable and thread-safe once built.
/// </summary>
public sealed class SpeakerAliases
{
    private readonly Dictionary<string, string> _canonical;
    private readonly Dictionary<string, string[]> _members;

    private SpeakerAliases(Dictionary<string, string> canonical)
    {
        _canonical = canonical;
        _members = canonical.GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(pair => pair.Key).Append(g.Key).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>No aliases: every name is its own.</summary>
    public static SpeakerAliases Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Names that fold into another one.</summary>
    public int Count => _canonical.Count;

    /// <summary>The table for these speaker values and their article counts (a name may come several times: counts add up).</summary>
    public static SpeakerAliases Build(IEnumerable<(string Name, int Count)> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, count) in values)
        {
            counts[name] = counts.GetValueOrDefault(name) + count;
        }

        var resolver = new SpeakerNameResolver();
        foreach (var (name, count) in counts)
        {
            resolver.Observe(name, count);
        }

        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in counts.Keys)
        {
            var resolved = resolver.Resolve(name);
            if (!string.Equals(resolved, name, StringComparison.Ordinal))
            {
                canonical[name] = resolved;
            }
        }

        return canonical.Count == 0 ? Empty : new SpeakerAliases(canonical);
    }

    /// <summary>Every alias with the name it folds into.</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs => _canonical;

    /// <summary>The name this speaker value is shown and counted under.</summary>
    public string Canonical(string name) => _canonical.GetValueOrDefault(name, name);

    /// <summary>Every value that shows as <paramref name="name"/>'s canonical name, the name itself included, in ordinal order.</summary>
    public IReadOnlyList<string> Members(string name)
    {
        var canonical = Canonical(name);
        return _members.TryGetValue(canonical, out var members) ? members : [canonical];
    }

    /// <summary>The values a speaker filter keeps: each name's canonical name with all its aliases.</summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<string> names) =>
        _canonical.Count == 0 || names.Count == 0 ? names : [.. names.SelectMany(Members).Distinct(StringComparer.Ordinal)];

    /// <summary>Speaker names as shown: canonical, each once, in first-seen order.</summary>
    public IReadOnlyList<string> Present(IReadOnlyList<string> names) =>
        _canonical.Count == 0 || !names.Any(_canonical.ContainsKey) ? names : [.. names.Select(Canonical).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Facet counts with aliases folded into their canonical names, top <paramref name="size"/> by count then name.
    /// Only the values the matches carry are folded, so the cost follows the matches, not the table.
    /// </summary>
    public List<FacetValue> Fold(IEnumerable<FacetValue> counted, int size)
    {
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in counted)
        {
            var name = Canonical(value.Value);
            sums[name] = sums.GetValueOrDefault(name) + value.Count;
        }

        return [.. sums.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(size)
            .Select(pair => new FacetValue(pair.Key, pair.Value))];
    }
}
