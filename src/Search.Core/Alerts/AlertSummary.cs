namespace Search.Core.Alerts;

/// <summary>A saved alert with how many matches it has and the cursor of its newest (0: none).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AlertSummary(SavedAlert Alert, int Matches, long Latest);
