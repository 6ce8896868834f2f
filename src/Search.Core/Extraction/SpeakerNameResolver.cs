using Search.Core.Articles;

namespace Search.Core.Extraction;

/// <summary>
/// The rule that makes one person one name, over a set of names with their counts: a bare surname ("Obama", when an
/// article only says "Mr. Obama") becomes the full name the set gives for it ("Barack Obama"), when one full name
/// holds at least two thirds of the set's uses of that surname, so "Clinton" stays "Clinton" in a set that names
/// Hillary and Bill alike. Full names that share first and last words ("Donald J. Trump", "Donald Trump") become the
/// plain two-word form when the set has it, else the commonest. The answer depends only on the set and its counts,
/// never on the order names were observed in (ties go to the ordinal-first name). Used over one article's names at
/// ingest and over the whole corpus at refresh (<see cref="Querying.Facets.SpeakerAliases"/>). Not thread-safe.
/// </summary>
public sealed class SpeakerNameResolver
{
    private readonly Dictionary<string, Dictionary<string, int>> _fullNamesBySurname = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, int>> _formsByFirstAndLast = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _resolved = new(StringComparer.Ordinal);

    /// <summary>Records the full names of an article's speakers, once each.</summary>
    public void Observe(IEnumerable<string> speakers)
    {
        foreach (var speaker in speakers)
        {
            Observe(speaker, 1);
        }
    }

    /// <summary>Records a name used <paramref name="count"/> times (e.g. the articles that name a speaker so).</summary>
    public void Observe(string speaker, int count)
    {
        var space = speaker.LastIndexOf(' ');
        if (space < 0 || count <= 0)
        {
            return;
        }

        _resolved.Clear();
        var surname = speaker[(space + 1)..];
        if (!_fullNamesBySurname.TryGetValue(surname, out var names))
        {
            names = new Dictionary<string, int>(StringComparer.Ordinal);
            _fullNamesBySurname[surname] = names;
        }

        names[speaker] = names.GetValueOrDefault(speaker) + count;

        var key = FirstAndLast(speaker);
        if (!_formsByFirstAndLast.TryGetValue(key, out var forms))
        {
            forms = new Dictionary<string, int>(StringComparer.Ordinal);
            _formsByFirstAndLast[key] = forms;
        }

        forms[speaker] = forms.GetValueOrDefault(speaker) + count;
    }

    private static string FirstAndLast(string name) => name[..name.IndexOf(' ', StringComparison.Ordinal)] + " " + name[(name.LastIndexOf(' ') + 1)..];

    /// <summary>
    /// True when the article has a speaker the rule may rename: a bare surname, or a full name with a
    /// middle part ("Donald J. Trump") that another form may outnumber.
    /// </summary>
    public static bool MayRename(Article article) =>
        article.Speakers.Any(s => s.Count(c => c == ' ') != 1);

    /// <summary>The dominant full name for a bare surname, the plain form of a full name, or the name unchanged.</summary>
    public string Resolve(string speaker)
    {
        if (_resolved.TryGetValue(speaker, out var known))
        {
            return known;
        }

        var resolved = ResolveUncached(speaker);
        _resolved[speaker] = resolved;
        return resolved;
    }

    private string ResolveUncached(string speaker)
    {
        if (speaker.Contains(' ', StringComparison.Ordinal))
        {
            return _formsByFirstAndLast.TryGetValue(FirstAndLast(speaker), out var forms)
                // The plain "First Last" form when the set has it: two-word names are written at once, so
                // every longer form must come to them, not the other way round.
                ? forms.OrderBy(f => f.Key.Count(c => c == ' ')).ThenByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key
                : speaker;
        }

        if (!_fullNamesBySurname.TryGetValue(speaker, out var names))
        {
            return speaker;
        }

        // Widen to the dominant person, counting the forms of one name ("Laura Q. Finch", "Laura Finch") together.
        var people = names.GroupBy(n => Resolve(n.Key)).Select(g => (Name: g.Key, Count: g.Sum(n => n.Value))).ToList();
        var total = people.Sum(p => p.Count);
        var best = people.OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.Ordinal).First();
        return best.Count * 3 >= total * 2 ? best.Name : speaker;
    }

    /// <summary>The article with its speakers and quote speakers resolved.</summary>
    public Article ResolveSpeakers(Article article) => article with
    {
        Speakers = [.. article.Speakers.Select(Resolve).Distinct(StringComparer.Ordinal)],
        Quotes = [.. article.Quotes.Select(q => q.Kind == Quote.PersonKind ? q with { Speaker = Resolve(q.Speaker) } : q)],
    };

    /// <summary>
    /// One person, one name within an article, from the article alone ("Obama" next to "Barack Obama" becomes
    /// "Barack Obama"): a function of the article, so the same article is named alike in any index, shard or order.
    /// It also keeps the corpus-wide aliases exact: no article holds two names that one person's name folds.
    /// </summary>
    public static Article ResolveWithinArticle(Article article)
    {
        if (!MayRename(article) && article.Speakers.Count < 2)
        {
            return article;
        }

        var resolver = new SpeakerNameResolver();
        resolver.Observe(article.Speakers);
        return resolver.ResolveSpeakers(article);
    }
}
