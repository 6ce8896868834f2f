using Search.Core.Alerts;

namespace Search.Api.Endpoints;

/// <summary>A search to save: the parameters of GET /search that choose articles, and a name.</summary>
/// <param name="Q">Query text, Lucene classic syntax as for /search; empty matches every article.</param>
/// <param name="Outlet">Keep these outlets (exact values; OR within, AND across fields).</param>
/// <param name="Speaker">Keep articles quoting these speakers.</param>
/// <param name="Source">Keep articles crediting or citing these outlets.</param>
/// <param name="Name">What the alert is called; the query when missing.</param>
/// <param name="Webhook">Optional http(s) URL each match is POSTed to; its host must be in Search:Alerts:WebhookHosts.</param>
public sealed record AlertInput(
    string? Q,
    IReadOnlyList<string>? Outlet,
    IReadOnlyList<string>? Speaker,
    IReadOnlyList<string>? Source,
    string? Name,
    string? Webhook)
{
    public AlertRequest ToRequest() => new(Q, Outlet, Speaker, Source, Name, Webhook);
}
