namespace Search.Core.Articles;

/// <summary>
/// Makes one person one facet value across a batch: a speaker left as a bare surname in one article
/// ("Obama", when that article only says "Mr. Obama") becomes the full name other articles of the batch
/// give ("Barack Obama"). A surname is widened only when one full name holds at least two thirds of the
/// batch's uses of it, so "Clinton" stays "Clinton" in a batch that quotes Hillary and Bill alike.
/// Not thread-safe: one instance per build.
/// </summary>
public sealed class SpeakerNameResolver
{
    private readonly Dictionary<string, Dictionary<string, int>> _fullNamesBySurname = new(StringComparer.OrdinalIgnoreCase);

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
        }
    }

    /// <summary>True when the article has a speaker named by one word only.</summary>
    public static bool HasBareSurname(Article article) =>
        article.Speakers.Any(s => !s.Contains(' ', StringComparison.Ordinal));

    /// <summary>The dominant full name for a bare surname, or the name unchanged.</summary>
    public string Resolve(string speaker)
    {
        if (speaker.Contains(' ', StringComparison.Ordinal) || !_fullNamesBySurname.TryGetValue(speaker, out var names))
        {
            return speaker;
        }

        var total = names.Values.Sum();
        var best = names.MaxBy(n => n.Value);
        return best.Value * 3 >= total * 2 ? best.Key : speaker;
    }

    /// <summary>The article with its speakers and quote speakers resolved.</summary>
    public Article ResolveSpeakers(Article article) => article with
    {
        Speakers = [.. article.Speakers.Select(Resolve).Distinct(StringComparer.Ordinal)],
        Quotes = [.. article.Quotes.Select(q => q with { Speaker = Resolve(q.Speaker) })],
    };
}
