namespace Search.Core.Querying.Quotes;

/// <summary>A quote with its article's details, as read from the article's stored fields.</summary>
/// <remarks>
/// ArticleRank is the position of the article in the article-level order and Position the quote's place among its
/// article's quotes read: ties among quotes break on them, in that order.
/// </remarks>
internal sealed record QuoteRecord(string Speaker, string Text, string ArticleId, string? Title, string? Outlet, DateOnly? Published, int ArticleRank,
    int Position = 0, string Kind = Articles.Quote.PersonKind);
