namespace Search.Core.Extraction;

/// <summary>
/// Tells a named organisation, publication or document that says things ("the Kremlin said", "The Post wrote",
/// "the Beige Book said", "according to the Pentagon") from the other capitalised subjects of a speech verb
/// that are not people. A phrase is an organisation source when it is a known outlet, holds a word that heads
/// organisations or documents ("Ministry", "Committee", "Report", "Book"), is a seat of power used for its
/// government ("Kremlin", "Pentagon", "White House"), or is an acronym ("FBI", "NATO"). Groups of people
/// ("Republicans", "Officials"), places and nationalities alone ("Russia", "Chinese") are not: a country or a
/// party said nothing as one body. Written for English news; it misses organisations named without any
/// telling word ("Acme said") and brand names.
/// </summary>
public static class OrganisationNames
{
    private static readonly HashSet<string> HeadWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // Bodies.
        "Department", "Committee", "Campaign", "University", "College", "School", "Institute", "Center", "Centre",
        "Agency", "Bureau", "Service", "Services", "Office", "Foundation", "Group", "Inc", "Inc.", "Corp", "Corp.",
        "Company", "Co.", "LLC", "Ltd", "Administration", "Police", "Commission", "Board", "Council", "Association",
        "Network", "Union", "Coalition", "Fund", "Bank", "Party", "Court", "Ministry", "Embassy", "Government",
        "Parliament", "Assembly", "Legislature", "Caucus", "Club", "Alliance", "Organization", "Organisation",
        "Trust", "Church", "Hospital", "Army", "Navy", "Force", "Forces", "Guard", "Airlines", "Motors",
        "Technologies", "Media", "Magazine", "News", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette",
        "Globe", "Daily", "Press", "Review", "Federation", "League", "Movement", "Authority", "Tribunal", "Cabinet",
        "Directorate", "Secretariat", "Inspectorate", "Command", "Division", "Unit", "Chamber",
        "Reserve", "Treasury", "Congress", "Senate", "House", "Society", "Industries", "Holdings", "Partners",
        "Project", "Program", "Programme", "Initiative", "Watch", "Institution", "Laboratory", "Exchange",
        "Station", "Channel", "Radio", "Television", "TV", "Website", "Newspaper", "Wire",
        // Documents that "say" things.
        "Report", "Study", "Survey", "Poll", "Book", "Statement", "Memo", "Letter", "Filing", "Index",
        "Assessment", "Audit", "Brief", "Briefing", "Bulletin", "Outlook", "Readout", "Complaint", "Lawsuit",
        "Indictment", "Ruling", "Resolution", "Manifesto", "Platform", "Charter",
    };

    /// <summary>Seats of government and institutions named by one word.</summary>
    private static readonly HashSet<string> Institutions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Kremlin", "Pentagon", "Vatican", "Downing Street", "White House", "Elysee", "Élysée", "Whitehall",
        "Congress", "Senate", "Parliament", "Politburo", "Knesset", "Duma", "Bundestag", "Interpol", "Europol",
        "WikiLeaks", "Moody's", "Gallup",
    };

    /// <summary>Words for groups of people or places that make a phrase no organisation.</summary>
    private static readonly HashSet<string> GroupWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Republicans", "Democrats", "Americans", "Officials", "Sources", "Critics", "Experts", "Analysts",
        "Supporters", "Voters", "Lawmakers", "Leaders", "Authorities", "Investigators", "Prosecutors", "Residents",
        "People", "Members", "Protesters", "Activists", "Aides", "Advisers",
    };

    /// <summary>Capitalised words of the phrase that are not part of an organisation's name.</summary>
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "But", "And", "So", "Yet", "Then", "Meanwhile", "However", "Also", "Still", "In", "On",
    };

    /// <summary>Acronyms that are not organisations speaking: states, titles, times, and pronouns in capitals.</summary>
    private static readonly HashSet<string> NotAcronyms = new(StringComparer.Ordinal)
    {
        "US", "U.S.", "UK", "EU", "USA", "GOP", "CEO", "MP", "MPs", "AM", "PM", "TV", "OK", "I", "II", "III", "IT", "HE", "SHE",
        "WE", "THEY", "A", "AN", "THE", "PS", "NY", "DC", "LA", "UAE",
    };

    /// <summary>The organisation a captured phrase names (known outlets by their curated name), or null.</summary>
    public static string? Name(string captured)
    {
        var tokens = captured.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.TrimEnd(',', ';', ':'))
            .ToList();
        if (tokens.Count > 0 && (tokens[^1].EndsWith("’s", StringComparison.Ordinal) || tokens[^1].EndsWith("'s", StringComparison.Ordinal)))
        {
            return null;
        }

        while (tokens.Count > 0 && Openers.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }

        if (tokens.Count is 0 or > 6 || tokens.Any(t => GroupWords.Contains(t)))
        {
            return null;
        }

        var name = string.Join(' ', tokens);
        if (OutletNames.IsKnown(name))
        {
            return OutletNames.Normalize(name);
        }

        if (Institutions.Contains(name) || tokens.Any(t => HeadWords.Contains(t.TrimEnd('.')) || HeadWords.Contains(t)))
        {
            // "Post" or "Times" alone is a publication the article names in full elsewhere; kept as written.
            return name;
        }

        return tokens.Count == 1 && IsAcronym(tokens[0]) ? name : null;
    }

    private static bool IsAcronym(string token) =>
        token.Length is >= 2 and <= 6 && !NotAcronyms.Contains(token) && token.Where(char.IsLetter).All(char.IsUpper)
        && token.Count(char.IsLetter) >= 2 && !token.Contains('.', StringComparison.Ordinal);
}
