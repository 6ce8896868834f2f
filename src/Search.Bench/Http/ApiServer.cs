using Search.Shared;

namespace Search.Bench.Http;

/// <summary>
/// The real Search.Api (built beside this project by its project reference) serving the benchmark's Lucene index,
/// started through the process helper the API tests use too.
/// </summary>
internal static class ApiServer
{
    /// <param name="indexPath">The index to serve.</param>
    /// <param name="settings">Extra environment settings (e.g. <c>Search__ResultCacheSize</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the server to answer.</param>
    internal static Task<ApiServerProcess> StartAsync(string indexPath, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["Search__IndexPath"] = Path.GetFullPath(indexPath),
            ["Search__SeedsPath"] = "",
            // One load generator on one address measures the server's capacity, which the per-client rate limit
            // (there to stop one client starving the others) would cap at its 200 requests/s.
            ["Search__RateLimitPerSecond"] = "0",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return ApiServerProcess.StartAsync(environment, TimeSpan.FromSeconds(60), workingDirectory: Path.GetDirectoryName(ApiServerProcess.ApiAssemblyPath()),
            errorLine: line => Console.Error.WriteLine($"  [api] {line}"), cancellationToken);
    }
}
