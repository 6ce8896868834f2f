namespace Search.Core.Articles;

/// <summary>
/// Makes one person one facet value across a batch: a speaker left as a bare surname in one article
/// ("Obama", when that article only says "Mr. Obama") becomes the full name other articles of the batch
/// give ("Barack Obama"). A surname is widened only when one full name holds at least two thirds of the
/// batch's uses of it, so "Clinton" stays "Clinton" in a batch that quotes Hillary and Bill alike.
/// Full names that share first and last words ("Donald J. Trump", "Donald Trump") become the plain
/// two-word form when the batch has it, else the commonest. Not thread-safe: one instance per build.
/// </summary>
public sealed class SpeakerNameResolver
{
    private readonly Dictionary<string, Dictionary<string, int>> _fullNamesBySurname = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, int>> _formsByFirstAndLast = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records the full names of an article's speakers.</summary>
    public void Observe(IEnumerable<string> speakers)
    {
        foreach (var speaker in speakers)
        {
            var space = speaker.LastIndexOf(' ');
            if (space < 0)
            {
                continue;
            }

            var surname = speaker[(space + 1)..];
            if (!_fullNamesBySurname.TryGetValue(surname, out var names))
            {
                names = new Dictionary<string, int>(StringComparer.Ordinal);
                _fullNamesBySurname[surname] = names;
            }

            names[speaker] = names.GetValueOrDefault(speaker) + 1;

            var key = FirstAndLast(speaker);
            if (!_formsByFirstAndLast.TryGetValue(key, out var forms))
            {
                forms = new Dictionary<string, int>(StringComparer.Ordinal);
                _formsByFirstAndLast[key] = forms;
            }

            forms[speaker] = forms.GetValueOrDefault(speaker) + 1;
        }
    }

    private static string FirstAndLast(string name) => name[..name.IndexOf(' ', StringComparison.Ordinal)] + " " + name[(name.LastIndexOf(' ') + 1)..];

    /// <summary>
    /// True when the article has a speaker the batch may rename: a bare surname, or a full name with a
    /// middle part ("Donald J. Trump") that another form may outnumber.
    /// </summary>
    public static bool MayRename(Article article) =>
        article.Speakers.Any(s => s.Count(c => c == ' ') != 1);

    /// <summary>The dominant full name for a bare surname, or the name unchanged.</summary>
    public string Resolve(string speaker)
    {
        if (speaker.Contains(' ', StringComparison.Ordinal))
        {
            return _formsByFirstAndLast.TryGetValue(FirstAndLast(speaker), out var forms)
                // The plain "First Last" form when the batch has it: two-word names are written at once, so
                // every longer form must come to them, not the other way round.
                ? forms.OrderBy(f => f.Key.Count(c => c == ' ')).ThenByDescending(f => f.Value).First().Key
                : speaker;
        }

        if (!_fullNamesBySurname.TryGetValue(speaker, out var names))
        {
            return speaker;
        }

        // Widen to the dominant person, counting the forms of one name ("Laura Q. Finch", "Laura Finch") together.
        var people = names.GroupBy(n => Resolve(n.Key)).Select(g => (Name: g.Key, Count: g.Sum(n => n.Value))).ToList();
        var total = people.Sum(p => p.Count);
        var best = people.MaxBy(p => p.Count);
        return best.Count * 3 >= total * 2 ? best.Name : speaker;
    }

    /// <summary>The article with its speakers and quote speakers resolved.</summary>
    public Article ResolveSpeakers(Article article) => article with
    {
        Speakers = [.. article.Speakers.Select(Resolve).Distinct(StringComparer.Ordinal)],
        Quotes = [.. article.Quotes.Select(q => q.Kind == Quote.PersonKind ? q with { Speaker = Resolve(q.Speaker) } : q)],
    };
}
