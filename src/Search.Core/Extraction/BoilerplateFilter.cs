using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

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
        + @"[\p{L}][\p{L} .'’-]{0,40} says:?|"
        // Comment sections of other CMSs: "12 thoughts on “…”", "Join the discussion", "Jane on May 3, 2022 at 5:42 pm said:".
        + @"\d+\s+(thoughts|responses|replies|reactions) (on|to) .{0,200}|(join|start) the (discussion|conversation)|"
        + @"discussion( \(\d+\))?|show comments|load (more )?comments|comments are closed\.?|post a comment|add a comment|"
        + @"you must be logged in to post a comment.*|.{1,40} on \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2} ?[ap]\.?m\.?( said:?)?|"
        // Teaser and footer blocks.
        + @"related( content| coverage| reading| news| links| topics| videos?)?:?|further reading|see also|"
        + @"most (read|popular|viewed|shared)( stories| articles)?|latest (news|stories|posts|articles)|around the web|"
        + @"sponsored( content| stories| links)?|promoted( stories| content)?|from (the )?web|recent posts|"
        + @"(previous|next) (post|article|story)|about the author|tags?:.*|filed under:?.*|this entry was posted in .*|"
        + @"(©|copyright ©?) ?\d{4}.*|all rights reserved\.?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndMarker();

    // Short lines that are site chrome wherever they stand.
    [GeneratedRegex(
        @"^(connect with us|follow us|hi, what are you looking for\??|search( for)?:?|menu|skip to (main )?content|"
        + @"sign in|log ?in|sign up|subscribe( now)?|advertisement|share( on \w+)?|tweet|email|print|"
        + @"click to share.*|facebook|twitter|whatsapp|linkedin|reddit|telegram|guest|home)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChromeLine();

    // Prompts and inline teasers that may run longer than chrome: newsletter and cookie prompts, photo
    // credits, "READ MORE: <other headline>" links placed between paragraphs.
    [GeneratedRegex(
        @"^((sign up|subscribe)\b.{0,120}\b(newsletter|inbox|updates|alerts|email)\b.{0,80}|(get|receive) (our|the) .{0,60}newsletter.{0,80}|"
        + @".{0,80}\bwe use cookies\b.{0,160}|by (signing up|subscribing|clicking)\b.{0,200}|enter your email( address)?.{0,80}|"
        + @"(click|tap) here to .{0,100}|(follow|like) us on .{0,80}|continue reading( below| the main story)?|"
        + @"story continues below( advertisement)?|scroll (down )?to continue.{0,40}|(log in|login) to reply|reply|loading\.*|"
        + @"(also read|read more|read also|related|see also|more|watch|listen|recommended|don'?t miss|must read|trending)\s*[:|–—-]\s*.{0,160}|"
        + @"\(?(photo|image|video|picture|credit|file photo)s?( by)?\s*[:/].{0,100}|.{0,80}\((getty images|ap photo|reuters|afp)[^)]{0,60}\)|"
        + @"\d+\s+likes?|we respect your privacy.{0,80})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromptLine();

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
    public static bool IsChrome(string line) => line.Length <= 60 && ChromeLine().IsMatch(line) || line.Length <= 300 && PromptLine().IsMatch(line);

    /// <summary>True for a line that starts a comment or related-stories section.</summary>
    public static bool IsEndMarker(string line) => EndMarker().IsMatch(line);
}
