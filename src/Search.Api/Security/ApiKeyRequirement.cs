using Search.Api.Hosting;

namespace Search.Api.Security;

/// <summary>Endpoint metadata: this route needs the API key (reads only when configured so).</summary>
/// <param name="IsRead">A read: the key is needed only with <see cref="ApiOptions.RequireKeyForReads"/>.</param>
public sealed record ApiKeyRequirement(bool IsRead);
