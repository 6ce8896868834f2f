using System.ComponentModel.DataAnnotations;

namespace Search.Api.Hosting;

/// <summary>
/// HTTP-side settings, bound from the same "Search" section as the core's (env <c>Search__ApiKey</c>, ...).
/// Every default works unconfigured.
/// </summary>
public sealed class ApiOptions
{
    /// <summary>
    /// Key that writes must present (<c>Authorization: Bearer …</c> or <c>X-Api-Key</c>). Empty: one is
    /// generated at first start and kept beside the index, readable by its owner only.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>When true, searches and reads need the key too.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Origins allowed by CORS; empty (the default) sends no CORS headers at all.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Requests per second allowed per client address (token bucket); 0 turns the limiter off.</summary>
    [Range(0, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 200;

    /// <summary>Burst a client may spend at once before the per-second rate applies.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 2_000;

    /// <summary>Largest request body for single-article writes, in bytes (bulk bodies are streamed and unlimited).</summary>
    [Range(1024, int.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest single line of a bulk body, in bytes.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxBulkLineBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Lines committed together in a bulk load (one fsync per batch).</summary>
    [Range(1, 100_000)]
    public int BulkBatchSize { get; set; } = 500;
}
