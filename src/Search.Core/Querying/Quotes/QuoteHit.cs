namespace Search.Core.Querying.Quotes;

/// <summary>One quote that matched, with the article it comes from.</summary>
/// <param name="Speaker">Who said it.</param>
/// <param name="Text">HTML: the quote, escaped, with what the query matched wrapped in &lt;mark&gt;.</param>
/// <param name="ArticleId">The article quoting it (use it with GET /articles/{id}).</param>
/// <param name="Title">The article's headline, when it has one.</param>
/// <param name="Outlet">The article's outlet.</param>
/// <param name="Published">The article's publication day, when known.</param>
public sealed record QuoteHit(string Speaker, string Text, string ArticleId, string? Title, string? Outlet, DateOnly? Published)
{
    /// <summary>Whether a person or an organisation said it ("person" or "organization", see <see cref="Articles.Quote.Kind"/>).</summary>
    public string Kind { get; init; } = Articles.Quote.PersonKind;
}
