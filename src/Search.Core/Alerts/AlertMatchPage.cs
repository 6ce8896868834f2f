namespace Search.Core.Alerts;

/// <summary>
/// Durable matches of one alert, and the cursor of the newest durable match of any alert when they were read:
/// a match that becomes durable later has a larger cursor, so waiting beyond <see cref="Newest"/> misses none.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AlertMatchPage(IReadOnlyList<AlertMatch> Matches, long Newest);
