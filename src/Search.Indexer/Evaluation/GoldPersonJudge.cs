using System.Text.RegularExpressions;
using Search.Core.Extraction;

namespace Search.Indexer.Evaluation;

/// <summary>
/// Decides whether a gold attribution source names a person, and which name. This is the evaluator's own
/// judgement, kept apart from the extractor so the two do not confirm each other:
/// <list type="number">
/// <item>parentheses ("(R-IN)") and a trailing possessive are dropped; an appositive after a comma is
/// ignored when the part before it already holds a name ("John Doe, a spokesman" → "John Doe");</item>
/// <item>the source is cut at prepositions ("a spokesman for Jane Roe" → "a spokesman"): the head of the
/// noun phrase comes first in English, so a name after "for/of/at" is who the speaker works for;</item>
/// <item>within the first piece that holds capitalised words, the last run of capitalised tokens is the
/// name, after role and title words are stripped ("Republican nominee Gov. Mike Pence" → "Mike Pence");
/// a run followed by a common noun is a modifier, not the head ("the Trump campaign" → no person);</item>
/// <item>runs that contain organisation words, known outlets, countries, institutions or plural group words
/// (Democrats, Republicans) are not people; all-lowercase sources ("officials", "a source") name nobody;
/// transcript labels in capitals ("PENCE") count, acronyms (FBI, NATO) do not.</item>
/// </list>
/// </summary>
public static partial class GoldPersonJudge
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "sen", "sens", "del", "rear", "admiral", "adm", "commander", "reps", "senator", "spokesman", "spokeswoman", "spokesperson",
        "activist", "author", "analyst", "economist", "chair", "ceo", "founder", "host", "anchor", "adviser",
        "advisor", "aide", "strategist", "pollster", "rapper", "singer", "actor", "actress", "democrat", "rep", "representative", "gov", "governor", "president",
        "vice", "secretary", "minister", "prime", "gen", "general", "col", "lt", "sgt", "capt", "adm", "judge",
        "justice", "mayor", "chairman", "chairwoman", "speaker", "leader", "attorney", "sheriff", "chief",
        "director", "ambassador", "former", "then", "then-candidate", "candidate", "nominee", "rev", "pope",
        "king", "queen", "prince", "sir", "lord", "state", "house", "senate", "majority", "minority", "press",
        "deputy", "acting", "congressman", "congresswoman", "assemblyman", "commissioner", "councilman",
        "councilwoman", "professor", "prof", "officer", "detective", "lieutenant", "sergeant", "captain",
        "first", "lady", "democratic", "republican", "gop", "presidential", "vice-presidential", "independent",
        "libertarian", "u.s.", "us", "american", "federal", "district", "supreme", "court", "foreign",
        "homeland", "security", "national", "defense", "treasury", "interior", "health",
    };

    private static readonly HashSet<string> SurnameTitles = new(StringComparer.Ordinal)
    {
        "King", "Pope", "Prince", "Judge", "Chancellor", "Bishop", "Major",
    };

    private static readonly HashSet<string> NotPersonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "department", "committee", "campaign", "news", "times", "post", "journal", "university", "party",
        "association", "council", "institute", "center", "centre", "agency", "bureau", "service", "office",
        "foundation", "group", "inc", "corp", "company", "administration", "congress", "police", "white",
        "pentagon", "kremlin", "commission", "board", "team", "network", "union", "coalition", "fund", "bank",
        "democrats", "republicans", "americans", "officials", "sources", "poll", "survey", "report", "study",
        "statement", "court", "state", "states", "united", "america", "russia", "china", "mexico", "iran",
        "israel", "syria", "iraq", "germany", "france", "britain", "europe", "washington", "cnn", "fbi", "cia",
        "nato", "isis", "gop", "dnc", "rnc", "nra", "aclu", "epa", "irs", "npr", "msnbc", "nbc", "abc", "cbs",
        "fox", "politico", "reuters", "twitter", "facebook", "google", "apple", "trust", "project", "organization",
        "army", "navy", "church", "school", "college", "media", "magazine", "website", "blog", "org", "hospital",
        "clinic", "prison", "city", "county", "legislature", "assembly", "parliament", "government", "ministry",
        "embassy", "caucus", "pac", "super", "research", "data", "index", "street", "republic", "tribune", "herald", "gazette", "globe", "politifact", "video", "tweet", "alliance", "msnbc", "mnsbc",
    };

    private static readonly HashSet<string> PlaceSurnames = new(StringComparer.Ordinal)
    {
        "Jordan", "West", "York", "Paris", "Washington", "London", "Hill", "Israel",
    };

    private static readonly string[] Prepositions = [" for ", " of ", " at ", " from ", " with ", " to ", " in ", " on ", " by ", " who ", " whose ", " and "];

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^[\p{Lu}][\p{L}’'.\-]*$")]
    private static partial Regex CapitalisedToken();

    /// <summary>The person a gold source names, or null when it names no person.</summary>
    public static string? PersonName(string? source, string articleText)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return null;
        }

        var text = Parenthetical().Replace(source.Replace('\u00a0', ' '), " ");
        text = Regex.Replace(text, @"\s+", " ").Trim().TrimEnd(',', '.', ':');

        // A transcript label: "PENCE", "WALLACE".
        if (!text.Contains(' ', StringComparison.Ordinal) && text.Length >= 4 && text.All(c => char.IsUpper(c) || c == '-')
            && !NotPersonWords.Contains(text))
        {
            return char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var parts = comma > 0 ? new[] { text[..comma], text[(comma + 1)..] } : new[] { text };
        foreach (var part in parts)
        {
            var name = NameInPart(" " + part.Trim() + " ", articleText);
            if (name is not null)
            {
                return name;
            }
        }

        return null;
    }

    private static string? NameInPart(string part, string articleText)
    {
        var pieces = new List<string> { part };
        foreach (var preposition in Prepositions)
        {
            pieces = [.. pieces.SelectMany(p => p.Split(preposition))];
        }

        foreach (var piece in pieces)
        {
            var tokens = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(t => t.TrimEnd(',', ';', ':'))
                .ToList();
            if (!tokens.Any(t => CapitalisedToken().IsMatch(t)))
            {
                // The head is a common noun ("a spokesman", "officials"): a name after it is someone else.
                if (tokens.Any(t => t.Length > 0 && char.IsLower(t[0]) && !IsModifier(t)))
                {
                    return null;
                }

                continue;
            }

            // The last run of capitalised tokens, and whether a common noun follows it.
            var end = tokens.FindLastIndex(t => CapitalisedToken().IsMatch(t));
            var start = end;
            while (start > 0 && CapitalisedToken().IsMatch(tokens[start - 1]))
            {
                start--;
            }

            var followedByNoun = tokens.Skip(end + 1).Any(t => t.Length > 0 && char.IsLower(t[0]));
            // A full stop after a word of three letters or more ends a sentence: "Sri Lanka. Ban" → "Ban".
            for (var i = end - 1; i >= start; i--)
            {
                if (tokens[i].EndsWith('.') && tokens[i].Count(char.IsLetter) >= 3)
                {
                    start = i + 1;
                    break;
                }
            }

            // A possessive inside the run qualifies what follows: "Gallup's Jeffrey Jones" → "Jeffrey Jones".
            for (var i = end - 1; i >= start; i--)
            {
                if (tokens[i].EndsWith("’s", StringComparison.Ordinal) || tokens[i].EndsWith("'s", StringComparison.Ordinal))
                {
                    start = i + 1;
                    break;
                }
            }

            var run = tokens.Skip(start).Take(end - start + 1)
                .Select(t => Regex.Replace(t, @"[’']s$", ""))
                .ToList();
            var possessive = tokens[end].EndsWith("’s", StringComparison.Ordinal) || tokens[end].EndsWith("'s", StringComparison.Ordinal);
            if (followedByNoun || possessive)
            {
                return null;
            }

            // Titles, and capitalised common words ("Critics", "Frustrated Parents", "One"): a word the
            // article also writes in lower case is not a name.
            // "Massachusetts Sen. Elizabeth Warren": whatever stands before the last title qualifies it.
            // A title word that ends a longer run is the surname ("Peter T. King", "Alexander Pope").
            var lastTitle = run.Count > 1 && SurnameTitles.Contains(run[^1]) && !Titles.Contains(run[^2].TrimEnd('.'))
                ? run.FindLastIndex(run.Count - 2, t => Titles.Contains(t.TrimEnd('.')))
                : run.FindLastIndex(t => Titles.Contains(t.TrimEnd('.')));
            run = run.Skip(lastTitle + 1).ToList();
            while (run.Count > 0 && (Titles.Contains(run[0].TrimEnd('.')) || IsCommonWord(run[0], articleText)))
            {
                run.RemoveAt(0);
            }

            if (run.Count == 0)
            {
                // Only titles here ("Secretary" of "Secretary of State John Kerry"): the name follows.
                continue;
            }

            // A place that is also a frequent surname ends a full name ("Rep. Steve Israel", "Jim Jordan").
            var placeSurname = run.Count > 1 && PlaceSurnames.Contains(run[^1]);
            if (run.Count > 4 || run[0] is "The" || run.SkipLast(placeSurname ? 1 : 0).Any(t => NotPersonWords.Contains(t.TrimEnd('.'))) || OutletNames.IsKnown(string.Join(' ', run))
                || run.Any(t => t.Count(char.IsLetter) > 1 && t.Where(char.IsLetter).All(char.IsUpper))
                || run.Count == 1 && !IsKnownSurname(run[0], articleText))
            {
                return null;
            }

            return string.Join(' ', run);
        }

        return null;
    }

    private static bool IsCommonWord(string token, string articleText) =>
        Regex.IsMatch(articleText, @"\b" + Regex.Escape(token.ToLowerInvariant()) + @"\b", RegexOptions.CultureInvariant)
        && !Regex.IsMatch(token, @"^\p{Lu}\.?$");

    /// <summary>
    /// A lone capitalised word names a person only when the article also writes it as the last word of a
    /// longer name or after a title ("Mike Pence", "Mr. Pence"); otherwise it is a group or a thing
    /// ("Scholars", "Convention").
    /// </summary>
    private static bool IsKnownSurname(string word, string articleText) =>
        Regex.IsMatch(articleText, @"(?:\p{Lu}[\p{L}.’'-]*|Mr\.|Mrs\.|Ms\.|Dr\.)[ \u00a0]+" + Regex.Escape(word) + @"\b", RegexOptions.CultureInvariant);

    private static bool IsModifier(string token) =>
        token is "a" or "an" or "the" or "former" or "top" or "senior" or "one" or "another";
}
