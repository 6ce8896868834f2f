using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Tells person names from the other capitalised phrases of news text and brings each to its fullest
/// form in the article. A captured phrase is cleaned in three steps: role and courtesy words are cut
/// ("Ukraine's Foreign Minister Dmytro Kuleba" → "Dmytro Kuleba", "Massachusetts Sen. Elizabeth Warren" →
/// "Elizabeth Warren"); capitalised common words the article also writes in lower case are cut
/// ("Critics", "Rival Hillary Clinton"); what is left must hold no organisation or place word.
/// A lone surname counts only when the article gives a fuller name ending with it, or writes it after a
/// personal title ("Mr. Obama"). Written for English wire and US political copy; it misses people named
/// only once by a bare surname and lets through the odd organisation whose name has no telling word.
/// </summary>
public sealed partial class PersonNames
{
    private readonly HashSet<string> _lowerCaseWords;
    private readonly HashSet<string> _titledWords;
    private readonly Dictionary<string, int> _fullNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _placesAndThings;

    /// <summary>Reads the article's vocabulary and its full person names.</summary>
    public PersonNames(string text)
    {
        _lowerCaseWords = LowerCaseWords(text);
        _titledWords = [.. TitledWord().Matches(text).Select(m => m.Groups["name"].Value)];

        // "in Las Vegas.", "the Rust Belt,": a name standing whole after "in" or "the" is a place or a thing.
        // ("the Clinton campaign" does not count: there the name modifies the noun after it.)
        _placesAndThings = [.. PlaceOrThing().Matches(text).Select(m => m.Groups["name"].Value)];
        foreach (var match in NameMention().EnumerateMatches(text))
        {
            // One word stays one word when cleaned, and only names of two words or more are recorded.
            var mention = text.AsSpan(match.Index, match.Length);
            if (!mention.ContainsAny(' ', '\u00a0'))
            {
                continue;
            }

            var name = Clean(mention.ToString());
            if (name is null || !name.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            // Title-case headlines run a name into the next word ("Rowan Abernathy Quits"): the shorter
            // leading forms are recorded too, so the surname still finds its full name.
            var tokens = name.Split(' ');
            for (var take = 2; take <= tokens.Length; take++)
            {
                var form = string.Join(' ', tokens.Take(take));
                _fullNames[form] = _fullNames.GetValueOrDefault(form) + (take == tokens.Length ? 1 : 0);
            }
        }
    }

    /// <summary>Every word of the text that starts in lower case, each allocated once.</summary>
    private static HashSet<string> LowerCaseWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var match in Words().EnumerateMatches(text))
        {
            var word = text.AsSpan(match.Index, match.Length);
            if (char.IsLower(word[0]))
            {
                lookup.Add(word);
            }
        }

        return words;
    }

    /// <summary>Full names (two tokens or more) found in the article, with how often each occurs.</summary>
    public IReadOnlyDictionary<string, int> FullNames => _fullNames;

    // "the Federal Reserve said", "the Pentagon's": what "the" introduces and then speaks or owns is an
    // institution too; people are not written with "the" before their names.
    [GeneratedRegex(@"\b(?:in|the)[ \u00a0]+(?<name>" + Name + @")(?=[,.;:!?)]|[ \u00a0]*$)|\bthe[ \u00a0]+(?<name>" + Name + @")(?=[’']s\b|[ \u00a0]+(?:said|says|has|have|had|is|was|were|will|would|announced|reported|added|told|warned|stated)\b)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex PlaceOrThing();

    // "Chicago-based", "Texas-born", "Oscar-winning", "Los Angeles-area": a compound that qualifies the name after it.
    [GeneratedRegex(@"-(?:based|born|bred|raised|area|style|winner|winning|led|backed|owned|funded|era|leaning|affiliated|allied)$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifierSuffix();

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Adm|Rev|Prof|Cr|Cllr)\.?[ \u00a0]+(?<name>\p{Lu}[\p{L}'’-]+)|\b(?:President|Senator|Governor|Mayor|Secretary|Minister|Judge|Justice|Chancellor|Speaker|Ambassador|Pope|Premier)[ \u00a0]+(?<name>\p{Lu}[\p{L}'’-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex TitledWord();

    // A capitalised name token: "Liu", "O'Neill", "Ki-moon", "McCaskill", an initial "J." or a title
    // abbreviation ("Sen.", "Jr."). Other words ending in a full stop end the name: "Times. Kevin" is two.
    public const string Token =
        @"(?:(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Cmdr|Jr|Sr|St|Del|Rev|Prof|Supt|Insp|Cr|Cllr|\p{Lu})\.|\p{Lu}[\p{L}\-]*(?:['’]\p{Lu}\p{L}*)?)";

    /// <summary>
    /// One to six name tokens separated by spaces on one line, with lower-case particles ("Pierre de Vos"),
    /// also hyphenated to the token after them ("Ali al-Rahman"). Always opens with a capital letter.
    /// </summary>
    public const string Name = Token + @"(?:[ \u00a0]+(?:(?:de|van|von|der|den|da|di|du|del|della|dos|das|bin|ibn|al|el|ter|le|la)[ \u00a0]+){0,2}(?:(?:al|el|ad|ar|as|ash|az|bin|ibn|abu)-)?" + Token + "){0,5}";

    [GeneratedRegex(Name, RegexOptions.CultureInvariant)]
    private static partial Regex NameMention();

    /// <summary>
    /// Brings a captured phrase to the fullest person name the article gives, or null when it does not
    /// name a person ("Foreign Minister Sergei Lavrov" → "Sergei Lavrov"; "Lavrov" → "Sergei Lavrov";
    /// "the Kremlin" → null).
    /// </summary>
    public string? Resolve(string captured)
    {
        var name = Clean(captured);
        if (name is null || _placesAndThings.Contains(name))
        {
            return null;
        }

        // A fuller name that ends with this one, the most frequent if several ("Clinton" in an article
        // about Hillary that mentions Bill once); "Tayyip Erdogan" → "Recep Tayyip Erdogan".
        // A particle that opens a sentence is capitalised ("De Blasio said" for Bill de Blasio), and a
        // generational suffix follows the surname ("Robert C. Roe Jr." is who "Roe" means).
        var lowered = LowerParticle(name);
        var fuller = _fullNames
            .Where(p => p.Key.Length > name.Length && (EndsWithName(p.Key, name) || lowered is not null && EndsWithName(p.Key, lowered)))
            .OrderByDescending(p => p.Value)
            .ThenByDescending(p => p.Key.Length)
            .Select(p => p.Key)
            .FirstOrDefault();
        if (fuller is not null)
        {
            return fuller;
        }

        // Family name first ("Liu" → "Liu Pengyu", "Xi" → "Xi Jinping"), or a given name used alone: a
        // single full name that starts with the word, when exactly one person in the article does.
        if (!name.Contains(' ', StringComparison.Ordinal))
        {
            var starting = _fullNames.Keys.Where(k => k.StartsWith(name + " ", StringComparison.Ordinal) && _fullNames[k] > 0).ToList();
            if (starting.Count == 1)
            {
                return starting[0];
            }
        }

        // "La Stampa", "Le Courrier Picard", "Los Angeles": a phrase opened by a Romance article is a title or
        // a place, unless it ends a fuller name in the article ("Le Pen" after "Marine Le Pen", found above).
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            return ForeignArticles.Contains(name[..name.IndexOf(' ', StringComparison.Ordinal)]) ? null : name;
        }

        // A lone word is a person only when the article writes it after a personal title.
        var titled = captured.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts && PersonalTitles.Contains(parts[^2]);
        return titled || _titledWords.Contains(name) ? name : null;
    }

    private static readonly string[] GenerationalSuffixes = ["", " Jr.", " Jr", " Sr.", " Sr", " II", " III", " IV"];

    private static bool EndsWithName(string fullName, string name) =>
        GenerationalSuffixes.Any(suffix => fullName.EndsWith(" " + name + suffix, StringComparison.Ordinal));

    /// <summary>"De Blasio" → "de Blasio"; null when the name does not open with a particle.</summary>
    private static string? LowerParticle(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && name[..space] is "De" or "Van" or "Von" or "Der" or "Den" or "Da" or "Di" or "Du" or "Del" or "Della" or "Dos" or "Das" or "Ter"
            ? char.ToLowerInvariant(name[0]) + name[1..]
            : null;
    }

    /// <summary>Cuts role words, common words and titles; null when what is left is not a person's name.</summary>
    public string? Clean(string captured)
    {
        var tokens = captured.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries).ToList();
        while (tokens.Count > 1 && PostNominals.Contains(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        // "Chicago-based", "Texas-born": a compound qualifier, like a role word, stands before the name.
        var lastQualifier = tokens.FindLastIndex(t => QualifierSuffix().IsMatch(t));
        tokens = tokens.Skip(lastQualifier + 1).ToList();

        // Everything up to the last role word qualifies the name: "Massachusetts Sen. Elizabeth Warren".
        // The final word is the name itself even when it spells a role ("Peter T. King", "John Major"),
        // unless nothing but role words were captured ("Press Secretary").
        var lastRole = tokens.Count > 1 && SurnameRoles.Contains(tokens[^1]) && !RoleWords.Contains(tokens[^2])
            ? tokens.FindLastIndex(tokens.Count - 2, t => RoleWords.Contains(t))
            : tokens.FindLastIndex(t => RoleWords.Contains(t));
        tokens = tokens.Skip(lastRole + 1).ToList();
        while (tokens.Count > 0 && (FunctionWords.Contains(tokens[0]) || IsCommonWord(tokens[0]) || tokens.Count > 1 && IsGerund(tokens[0])))
        {
            tokens.RemoveAt(0);
        }

        if (tokens.Count is 0 or > 4)
        {
            return null;
        }

        // "Public Security Directorate Jane Roe": a name of two words or more after an organisation word is a
        // member of that organisation speaking, not part of its name.
        var lastOrganisation = tokens.FindLastIndex(t => OrganisationHeads.Contains(t));
        if (lastOrganisation >= 0 && tokens.Count - lastOrganisation - 1 >= 2)
        {
            tokens = tokens.Skip(lastOrganisation + 1).ToList();
        }

        // A place or common word that is also a frequent surname ends a name after a given name ("Jim Jordan",
        // "Cornel West", "Ian Read"); alone or after another place word ("New York") it stays a non-name.
        var checkedCount = tokens.Count > 1 && PlaceSurnames.Contains(tokens[^1]) ? tokens.Count - 1 : tokens.Count;
        if (tokens.Take(checkedCount).Any(t => NonPersonWords.Contains(t) || OrganisationHeads.Contains(t) || FunctionWords.Contains(t) || IsAcronym(t))
            || OutletNames.IsKnown(string.Join(' ', tokens)) || tokens.Count == 1 && OutletNames.IsKnown(tokens[0]))
        {
            return null;
        }

        // A name does not end in an initial ("S.", a broken "U.S."), nor holds a bare letter ("Terry E").
        if (tokens[^1].Length == 2 && tokens[^1][1] == '.' || tokens.Any(t => t.Length == 1))
        {
            return null;
        }

        return string.Join(' ', tokens);
    }

    /// <summary>"Chasing Trump", "Morning Consult": a word in -ing before a name is not a given name.</summary>
    private static bool IsGerund(string token) =>
        token.Length >= 7 && token.EndsWith("ing", StringComparison.Ordinal) && token.Skip(1).All(char.IsLower);

    /// <summary>A capitalised word the article also writes in lower case is an ordinary word ("Critics").</summary>
    private bool IsCommonWord(string token) =>
        token.Length > 2 && !token.EndsWith('.') && _lowerCaseWords.Contains(token.ToLowerInvariant());

    /// <summary>FBI, NATO, CNN: all capitals (transcript labels are handled by the caller).</summary>
    private static bool IsAcronym(string token) =>
        token.Count(char.IsLetter) >= 2 && token.Where(char.IsLetter).All(char.IsUpper);
}
