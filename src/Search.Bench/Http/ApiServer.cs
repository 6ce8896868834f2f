using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Search.Bench.Http;

/// <summary>
/// The real Search.Api, started as a child process (<c>dotnet Search.Api.dll</c>, built beside this
/// project by its project reference) on a free loopback port, serving the benchmark's Lucene index.
/// </summary>
public sealed class ApiServer : IDisposable
{
    private readonly Process _process;

    private ApiServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="indexPath">The index to serve.</param>
    /// <param name="settings">Extra environment settings (e.g. <c>Search__ResultCacheSize</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the server to answer.</param>
    public static async Task<ApiServer> StartAsync(string indexPath, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var dll = FindApiDll();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Search__IndexPath"] = Path.GetFullPath(indexPath);
        start.Environment["Search__SeedsPath"] = "";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Per-request logging would measure the console, not the search.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // One load generator on one address measures the server's capacity, which the per-client rate limit
        // (there to stop one client starving the others) would cap at its 200 requests/s.
        start.Environment["Search__RateLimitPerSecond"] = "0";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        // Drain the pipes so a chatty server never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  [api] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ApiServer(process, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilHealthyAsync(cancellationToken);
        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {_process.ExitCode} before answering.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still starting.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("The API did not answer /health within 60 s.");
    }

    private static string FindApiDll()
    {
        // bin/<Configuration>/<tfm>/ of this project mirrors that of Search.Api.
        var benchOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var tfm = Path.GetFileName(benchOutput);
        var configuration = Path.GetFileName(Path.GetDirectoryName(benchOutput)!);
        var projects = Path.GetFullPath(Path.Combine(benchOutput, "..", "..", "..", ".."));
        var dll = Path.Combine(projects, "Search.Api", "bin", configuration, tfm, "Search.Api.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Search.Api.dll not found; build the solution first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
