namespace Search.Core.Articles;

/// <summary>
/// The checks every raw article passes before it is extracted and stored, whatever it came from (an
/// <see cref="ArticleRecord"/> from JSON, a folder file, a tool): an id that is safe in a URL path, some text, and
/// text short enough to extract in reasonable time.
/// </summary>
public static class RawArticleValidator
{
    /// <summary>Largest article text accepted, in characters.</summary>
    public const int MaxTextLength = 2_000_000;

    /// <exception cref="ArticleWriteException">The raw article is invalid; the exception names the field.</exception>
    public static void Validate(RawArticle raw)
    {
        if (ArticleIds.Validate(raw.Id) is { } problem)
        {
            throw new ArticleWriteException("id", problem);
        }

        var content = string.IsNullOrWhiteSpace(raw.Html) ? raw.Text : raw.Html;
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new ArticleWriteException("text", "The article has no text: give 'text' (or 'body', page text) or 'html'.");
        }

        if (content.Length > MaxTextLength)
        {
            throw new ArticleWriteException("text", $"The article text is {content.Length} characters long; the limit is {MaxTextLength}.");
        }
    }
}
