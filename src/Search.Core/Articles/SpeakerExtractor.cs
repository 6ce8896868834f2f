using System.Text.RegularExpressions;

namespace Search.Core.Articles;

/// <summary>
/// Finds who is quoted: people to whom a statement is attributed by a speech verb ("X said",
/// "said X", "according to X", "X told reporters"), each named in the fullest form the article gives
/// ("Liu" → "Liu Pengyu"), with role words stripped ("Foreign Minister Sergei Lavrov" → "Sergei Lavrov").
/// Pronoun attributions ("he said") go to the person attributed just before, when there is one.
/// Organisations and places that "say" things (Russia, the Kremlin, CNN) are not people and are dropped.
/// </summary>
public static partial class SpeakerExtractor
{
    private const string Verbs =
        "said|says|stated|states|added|adds|told|tells|wrote|writes|claimed|claims|argued|argues|noted|notes|"
        + "explained|warned|warns|insisted|denied|denies|urged|urges|asked|asks|declared|announced|acknowledged|"
        + "admitted|replied|responded|continued|concluded|tweeted|posted|emphasized|stressed|suggested|"
        + "charged|accused|alleged|contended|maintained|recalled|predicted|promised|vowed|pointed out|went on";

    // A capitalised name token: "Liu", "O'Brien", "Jean-Luc", "McConnell", "J.".
    private const string Token = @"(?:\p{Lu}[\p{Ll}’'\p{Lu}]*(?:-\p{Lu}?[\p{Ll}]+)?\.?|\p{Lu}\.)";
    private const string Name = Token + @"(?:\s+" + Token + "){0,4}";

    [GeneratedRegex(@"(?<name>" + Name + @")(?:,\s+(?<appos>[^,“”""\n]{3,90}),)?\s+(?:\w+ly\s+)?(?:" + Verbs + @")\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NameThenVerb();

    [GeneratedRegex(@"(?<name>" + Name + @"),\s+[^“”""\n]{3,90}?\s+(?:" + Verbs + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex NameAppositiveVerb();

    [GeneratedRegex(@"[,”""]\s*(?:" + Verbs + @")\s+(?:[\p{Ll}’' -]+\s+)?(?<name>" + Name + ")", RegexOptions.CultureInvariant)]
    private static partial Regex VerbThenName();

    [GeneratedRegex(@"\baccording to\s+(?:[\p{Ll}’' -]+\s+)?(?<name>" + Name + ")", RegexOptions.CultureInvariant)]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"\b(?<pronoun>he|she)\s+(?:\w+ly\s+)?(?:" + Verbs + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounThenVerb();

    [GeneratedRegex(@"[“""](?<text>[^“”""]{2,2000})[”""]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedText();

    [GeneratedRegex("(?<name>" + Name + ")", RegexOptions.CultureInvariant)]
    private static partial Regex NameMention();

    /// <summary>Role and courtesy words that precede names and are not part of them.</summary>
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Vice", "Prime", "Minister", "Foreign", "Defense", "Defence", "Secretary", "General",
        "Chancellor", "Senator", "Sen.", "Rep.", "Representative", "Gov.", "Governor", "Mayor", "Mr.", "Mrs.",
        "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Adm.", "Admiral",
        "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador", "Chairman", "Chairwoman", "Chair", "CEO",
        "Director", "Judge", "Justice", "Chief", "Speaker", "Leader", "Majority", "Minority", "Press", "Deputy",
        "Former", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Pope", "Rev.", "Father",
        "Professor", "Prof.", "Commissioner", "Attorney", "Officer", "Coach", "Senior", "State", "Interior",
        "Finance", "Health", "Trade", "National", "Security", "Adviser", "Advisor", "Pentagon", "White", "House",
        "Kremlin", "Embassy", "Ministry", "Russian", "Chinese", "American", "Ukrainian", "Turkish", "French",
        "German", "British", "Israeli", "Iranian", "Democratic", "Republican", "Democrat", "GOP", "U.S.", "US",
        "Then", "Then-President", "First", "Lady", "Congressman", "Congresswoman", "Assemblyman", "Councilman",
        "Sheriff", "Police", "Commander", "Army", "Navy", "Analyst", "Economist", "Author",
    };

    /// <summary>Capitalised words that start sentences or name non-persons; never a speaker on their own.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "But",
        "And", "Or", "So", "Officials", "Authorities", "Police", "Reports", "Report", "Sources", "Experts",
        "Critics", "Analysts", "Russia", "China", "Ukraine", "Moscow", "Beijing", "Kyiv", "Washington", "Kremlin",
        "Pentagon", "Congress", "Senate", "NATO", "Europe", "America", "Britain", "Iran", "Israel", "Turkey",
        "Germany", "France", "Japan", "India", "Taiwan", "Belarus", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "Times", "Statement", "Readout", "Administration", "Government",
        "Ministry", "Embassy", "Department", "Court", "Committee", "Party", "Democrats", "Republicans",
        "Both", "Some", "Many", "Others", "Everyone",
        "In", "On", "At", "As", "If", "When", "While", "After", "Before", "Also", "Asked", "Speaking", "Still",
        "However", "Meanwhile", "Later", "Earlier", "Today", "Yesterday", "Last", "Next", "Following", "During",
    };

    /// <summary>Extracts speakers (fullest names, in order of first attribution) and their quotes.</summary>
    public static (IReadOnlyList<string> Speakers, IReadOnlyList<Quote> Quotes) Extract(string body)
    {
        var people = CollectFullNames(body);
        var speakers = new List<string>();
        var quotes = new List<Quote>();

        foreach (var paragraph in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var attributed = FindAttributions(paragraph, people, speakers.Count > 0 ? speakers[^1] : null);
            foreach (var speaker in attributed)
            {
                if (!speakers.Contains(speaker))
                {
                    speakers.Add(speaker);
                }
            }

            // Quotes in a paragraph with exactly one attributed speaker belong to that speaker.
            if (attributed.Count == 1)
            {
                foreach (Match quote in QuotedText().Matches(paragraph))
                {
                    var text = quote.Groups["text"].Value.Trim().TrimEnd(',');
                    if (text.Split(' ').Length >= 3)
                    {
                        quotes.Add(new Quote(attributed[0], text));
                    }
                }
            }
        }

        return (speakers, quotes);
    }

    private static List<string> FindAttributions(string paragraph, IReadOnlyList<string> people, string? previousSpeaker)
    {
        var found = new List<(int Index, string Name)>();
        foreach (var regex in new[] { NameThenVerb(), NameAppositiveVerb(), VerbThenName(), AccordingTo() })
        {
            foreach (Match match in regex.Matches(paragraph))
            {
                var name = Resolve(match.Groups["name"].Value, people);
                if (name is not null)
                {
                    found.Add((match.Index, name));
                }
            }
        }

        if (found.Count == 0 && previousSpeaker is not null && PronounThenVerb().IsMatch(paragraph)
            && QuotedText().IsMatch(paragraph))
        {
            found.Add((0, previousSpeaker));
        }

        return found.OrderBy(f => f.Index).Select(f => f.Name).Distinct().ToList();
    }

    /// <summary>Every multi-word person-like name in the text, role words stripped, longest first.</summary>
    private static List<string> CollectFullNames(string text)
    {
        var names = new HashSet<string>();
        foreach (Match match in NameMention().Matches(text))
        {
            var name = StripRoles(match.Value);
            if (name is not null && name.Contains(' ', StringComparison.Ordinal))
            {
                names.Add(name);
            }
        }

        return names.OrderByDescending(n => n.Length).ToList();
    }

    /// <summary>Maps a captured name to its fullest form in the article, or null when it is not a person.</summary>
    private static string? Resolve(string captured, IReadOnlyList<string> people)
    {
        var name = StripRoles(captured);
        if (name is null)
        {
            return null;
        }

        var tokens = name.Split(' ');
        if (tokens.Length == 1)
        {
            // A surname or given name alone: the longest full name in the article that ends (or starts) with it.
            var full = people.FirstOrDefault(p => p.EndsWith(" " + name, StringComparison.Ordinal))
                ?? people.FirstOrDefault(p => p.StartsWith(name + " ", StringComparison.Ordinal));
            return full;
        }

        // A fuller form elsewhere in the article wins ("Tayyip Erdogan" → "Recep Tayyip Erdogan").
        return people.FirstOrDefault(p => p.Length > name.Length && p.EndsWith(" " + name, StringComparison.Ordinal)) ?? name;
    }

    private static string? StripRoles(string captured)
    {
        var tokens = captured.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (tokens.Count > 0 && (RoleWords.Contains(tokens[0]) || NotNames.Contains(tokens[0]) && tokens.Count > 1))
        {
            tokens.RemoveAt(0);
        }

        if (tokens.Count == 0 || tokens.Count > 4)
        {
            return null;
        }

        if (tokens.Any(t => RoleWords.Contains(t) || t.EndsWith('.') && t.Length > 2))
        {
            return null;
        }

        if (tokens.Count == 1 && NotNames.Contains(tokens[0]))
        {
            return null;
        }

        if (tokens.Any(t => OutletNames.IsKnown(t)) || OutletNames.IsKnown(string.Join(' ', tokens)))
        {
            return null;
        }

        return string.Join(' ', tokens);
    }
}
