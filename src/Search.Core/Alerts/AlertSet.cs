namespace Search.Core.Alerts;

/// <summary>The saved alerts at one version of the <see cref="AlertBook"/>: what a writer matches against.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AlertSet(long Version, IReadOnlyList<SavedAlert> Alerts);
