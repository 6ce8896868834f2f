using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Search.Core.Articles;

/// <summary>
/// Article ids: given ones are checked (letters, digits, '.', '_', ':', '-'; at most 200 characters,
/// so an id is safe in a URL path and a file name), missing ones derived stably — from the URL when
/// there is one (re-posting the same page updates it), else from the text.
/// </summary>
public static partial class ArticleIds
{
    public const int MaxLength = 200;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();

    /// <summary>Null when the id is acceptable, else why not.</summary>
    public static string? Validate(string id) =>
        id.Length == 0 ? "id is empty"
        : id.Length > MaxLength ? $"id is longer than {MaxLength} characters"
        : !Allowed().IsMatch(id) ? "id may hold only letters, digits and . _ : - (and must start with a letter or digit)"
        : null;

    /// <summary>A stable id for an article that came without one.</summary>
    public static string Derive(string? url, string text)
    {
        var source = string.IsNullOrWhiteSpace(url) ? "text:" + text : "url:" + url.Trim();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source));
        return Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }
}
