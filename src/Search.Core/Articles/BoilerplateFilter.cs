using System.Text.RegularExpressions;

namespace Search.Core.Articles;

/// <summary>
/// Removes page furniture from copied page text: navigation and search prompts before the article,
/// and everything from the first comment-section or related-stories marker on.
/// Written for pages copied from WordPress-style news sites (the commonest source of reposts):
/// "Leave a Reply", "N Comments", "X says:" comment headers, "You May Also Like" teasers.
/// It misses furniture in the middle of the article that is not on one of these lists.
/// </summary>
public static partial class BoilerplateFilter
{
    // Lines that end the article: what follows is comments, teasers or site chrome.
    [GeneratedRegex(
        @"^(leave a (reply|comment)|\d+\s+comments?|comments?|view all comments|inline feedbacks|notify of|"
        + @"you (may|might) also like|related( posts| articles| stories)?|more (from|stories)|recommended( for you)?|"
        + @"read more|trending( now)?|popular( posts)?|share this:?|like this:?|"
        + @"your email address will not be published.*|\d+\s+\d+\s+votes?|article rating|"
        + @"[\p{L}][\p{L} .'’-]{0,40} says:?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndMarker();

    // Short lines that are site chrome wherever they stand.
    [GeneratedRegex(
        @"^(connect with us|follow us|hi, what are you looking for\??|search( for)?:?|menu|skip to (main )?content|"
        + @"sign in|log ?in|sign up|subscribe( now)?|advertisement|share( on \w+)?|tweet|email|print|"
        + @"click to share.*|facebook|twitter|whatsapp|linkedin|reddit|telegram|guest|home)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChromeLine();

    /// <summary>Returns the lines of the article proper, blank lines kept as paragraph breaks.</summary>
    public static IReadOnlyList<string> KeepArticleLines(IReadOnlyList<string> lines)
    {
        var kept = new List<string>(lines.Count);
        var sawParagraph = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                kept.Add(line);
                continue;
            }

            // Markers only end the article once it has begun: a menu item called "Comments" above the
            // headline must not swallow the page.
            if (sawParagraph && EndMarker().IsMatch(line))
            {
                break;
            }

            if (IsChrome(line))
            {
                continue;
            }

            sawParagraph |= PageLines.IsParagraph(line);
            kept.Add(line);
        }

        return kept;
    }

    /// <summary>True for a line that is site chrome (navigation, share buttons, prompts).</summary>
    public static bool IsChrome(string line) => line.Length <= 60 && ChromeLine().IsMatch(line);

    /// <summary>True for a line that starts a comment or related-stories section.</summary>
    public static bool IsEndMarker(string line) => EndMarker().IsMatch(line);
}
