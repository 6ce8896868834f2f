namespace Search.Core.Extraction;

/// <summary>Word lists of <see cref="BylineExtractor"/>: agencies, and words that make a byline piece not a person.</summary>
internal static class BylineWords
{
    /// <summary>News agencies and their short names: a byline naming one credits it ("By Reuters", "AP National Writers").</summary>
    public static readonly IReadOnlySet<string> Agencies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Reuters", "Thomson Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse",
        "Agence France Presse", "UPI", "United Press International", "Bloomberg", "Bloomberg News", "Xinhua", "TASS",
        "PTI", "Press Trust of India", "IANS", "ANI", "dpa", "EFE", "ANSA", "Kyodo", "Kyodo News", "Yonhap", "AAP",
        "Australian Associated Press", "CP", "The Canadian Press", "Canadian Press", "PA", "PA Media", "Press Association",
        "APP", "Anadolu", "Anadolu Agency", "Bernama", "SAPA", "News24Wire", "Al Jazeera", "CNN", "BBC", "NPR",
    };

    /// <summary>Lower-case words inside a name ("Ursula von der Leyen", "Luiz Inácio da Silva").</summary>
    public static readonly IReadOnlySet<string> Particles = new HashSet<string>(StringComparer.Ordinal)
    {
        "de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "bin", "ibn", "al", "el", "ter", "le", "la",
    };

    /// <summary>Roles, desks, outlet words, days and months: a byline piece holding one is not a person's name.</summary>
    private static readonly HashSet<string> NonNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Staff", "Writer", "Writers", "Reporter", "Reporters", "Correspondent", "Correspondents", "Editor", "Editors",
        "Editorial", "Contributor", "Contributors", "Columnist", "Producer", "Desk", "Team", "Board", "Bureau", "Chief",
        "Senior", "National", "Political", "Foreign", "Local", "Special", "Guest", "Opinion", "Analysis", "Staffer",
        "Agency", "Agencies", "Wire", "Wires", "Service", "Services", "News", "Press", "Media", "Times", "Post", "Journal",
        "Herald", "Tribune", "Gazette", "Daily", "Online", "Digital", "Network", "Radio", "Television", "TV", "Channel",
        "Updated", "Published", "Posted", "Last", "Photo", "Photos", "Video", "Videos", "Image", "Images", "Getty",
        "Share", "Comments", "Comment", "Follow", "Email", "Twitter", "Facebook", "Read", "More", "Minutes", "Min",
        "The", "A", "An", "Our", "Your", "Of", "For", "From", "With", "And", "Or", "In", "On", "At", "To", "This", "That",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
        "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "Today", "Yesterday", "Ago", "Hours", "Hour", "Police", "Government", "Ministry", "Office", "Department",
    };

    public static bool IsRoleWord(string word) => NonNameWords.Contains(word.TrimEnd(',', ':'));
}
