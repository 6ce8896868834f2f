using System.Text;

using Search.Core.Articles;

namespace Search.Core.Extraction;

/// <summary>
/// Text that every .NET and Lucene API accepts. JSON may carry lone surrogates (<c>"\ud800"</c>) and the
/// noncharacters U+FFFE and U+FFFF; <see cref="string.Normalize()"/> throws on them, and Lucene turns a lone
/// surrogate into U+FFFD only in its terms, not in stored text. Each is replaced by U+FFFD, the
/// replacement character, once, where text enters.
/// </summary>
public static class UnicodeText
{
    private const char Replacement = '\uFFFD';

    /// <summary><paramref name="text"/> with lone surrogates, U+FFFE and U+FFFF replaced by U+FFFD (the same instance when clean).</summary>
    public static string Clean(string text)
    {
        var bad = FirstInvalid(text);
        if (bad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, bad);
        for (var i = bad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' ? Replacement : c);
            }
        }

        return clean.ToString();
    }

    /// <inheritdoc cref="Clean(string)"/>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    /// <summary>Index of the first lone surrogate or noncharacter U+FFFE/U+FFFF, or -1.</summary>
    public static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The raw article with every text field cleaned.</summary>
    public static RawArticle Clean(RawArticle raw) => raw with
    {
        Text = Clean(raw.Text),
        Html = CleanOrNull(raw.Html),
        Url = CleanOrNull(raw.Url),
        Site = CleanOrNull(raw.Site),
        Title = CleanOrNull(raw.Title),
        Outlet = CleanOrNull(raw.Outlet),
        // A null name (possible from untyped JSON readers) names nobody.
        Speakers = raw.Speakers?.OfType<string>().Select(Clean).ToList(),
        Sources = raw.Sources?.OfType<string>().Select(Clean).ToList(),
        Authors = raw.Authors?.OfType<string>().Select(Clean).ToList(),
    };
}
