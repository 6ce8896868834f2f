namespace Search.Core.Alerts;

/// <summary>What a client asks to save: a search as /search takes it, a name, and optionally a webhook URL.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AlertRequest(
    string? Query,
    IReadOnlyList<string>? Outlets,
    IReadOnlyList<string>? Speakers,
    IReadOnlyList<string>? Sources,
    string? Name,
    string? Webhook = null);
