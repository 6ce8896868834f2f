namespace Search.Core.Alerts;

/// <summary>
/// One article that matched one alert. <see cref="Cursor"/> numbers every match of the server in the order
/// recorded; an alert's matches come in increasing cursor order, so "after cursor N" is a resumable position.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AlertMatch(
    long Cursor,
    string AlertId,
    string ArticleId,
    string? Title,
    string? Outlet,
    string? Url,
    DateOnly? Published,
    long WriteSequence,
    DateTimeOffset MatchedAt,
    int Shard = 0);
