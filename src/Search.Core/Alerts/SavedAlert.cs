namespace Search.Core.Alerts;

/// <summary>
/// A saved search: the query text and filters exactly as /search takes them (q, outlet, speaker, source),
/// matched against every article written after it was saved. <see cref="Webhook"/>, when set, is an http(s) URL
/// each match is also POSTed to.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record SavedAlert(
    string Id,
    string Name,
    string Query,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Speakers,
    IReadOnlyList<string> Sources,
    DateTimeOffset CreatedAt,
    string? Webhook = null);
