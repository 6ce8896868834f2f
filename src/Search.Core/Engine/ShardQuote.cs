namespace Search.Core.Engine;

/// <summary>
/// One quote a shard's picked articles hold that the query matched: what the coordinator orders, filters and counts
/// facets by, and its text only when it may be on the page.
/// </summary>
/// <param name="Speaker">Who said it.</param>
/// <param name="ArticleId">Its article.</param>
/// <param name="Title">The article's headline.</param>
/// <param name="Outlet">The article's outlet.</param>
/// <param name="Published">The article's day.</param>
/// <param name="ArticleRank">The article's rank in the global article order.</param>
/// <param name="Position">The quote's place among its article's quotes read.</param>
/// <param name="Score">BM25 over every shard's read quotes (index-wide statistics).</param>
/// <param name="Text">The quote (marked, or plain for a speaker's page) when within the shard's window; else null.</param>
/// <param name="Kind">Whether a person or an organisation said it (<see cref="Articles.Quote.Kind"/>).</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardQuote(string Speaker, string ArticleId, string? Title, string? Outlet, DateOnly? Published, int ArticleRank, int Position,
    float Score, string? Text, string Kind = Articles.Quote.PersonKind);
