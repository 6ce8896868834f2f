using Search.Core.Articles;

namespace Search.Core.Alerts;

/// <summary>
/// The alerts one durable write matched, with what a match keeps of its article: what the writer that matched it
/// (a shard, in this process or on a silo) hands to the <see cref="AlertBook"/>.
/// </summary>
/// <param name="AlertIds">The alerts the article matched.</param>
/// <param name="ArticleId">The article's id.</param>
/// <param name="Title">Its title, as the match shows it.</param>
/// <param name="Outlet">Its outlet.</param>
/// <param name="Url">Its address, when known.</param>
/// <param name="Published">Its publication day, when known.</param>
/// <param name="Sequence">The write's sequence number in its shard's write log.</param>
/// <param name="Shard">The shard that wrote it (each shard numbers its own writes).</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AlertHit(
    IReadOnlyList<string> AlertIds,
    string ArticleId,
    string? Title,
    string? Outlet,
    string? Url,
    DateOnly? Published,
    long Sequence,
    int Shard)
{
    public static AlertHit Of(IReadOnlyList<string> alertIds, Article article, long sequence, int shard) =>
        new(alertIds, article.Id, article.Title, article.Outlet, article.Url, article.Published, sequence, shard);
}
