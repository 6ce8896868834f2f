using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Search.Shared;

/// <summary>
/// The real Search.Api as a child OS process (<c>dotnet Search.Api.dll</c>) on a free loopback port, for the
/// API tests that must kill it for real and for the benchmark's HTTP runs. Linked as source into both projects
/// (neither references the other, and a project of one class would cost every build a project).
/// </summary>
internal sealed class ApiServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastErrors = new();

    private ApiServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>http://127.0.0.1:port of the server.</summary>
    public Uri Address { get; }

    /// <summary>Starts the server and waits until /health answers 200.</summary>
    /// <param name="environment">Settings for the server (e.g. <c>Search__IndexPath</c>), over the defaults below.</param>
    /// <param name="timeout">How long the server may take to answer /health.</param>
    /// <param name="workingDirectory">The server's working folder; null: this process's.</param>
    /// <param name="errorLine">Receives each line the server writes to stderr; null: they are dropped.</param>
    /// <param name="cancellationToken">Stops waiting (the server is then stopped).</param>
    public static async Task<ApiServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout,
        string? workingDirectory = null, Action<string>? errorLine = null, CancellationToken cancellationToken = default)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(ApiAssemblyPath());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Per-request logging would fill the pipes and, in the benchmark, measure the console.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ApiServerProcess(process, address);
        // Drain both pipes so a chatty server never blocks on a full buffer; keep stderr's last lines so a
        // server that dies while starting says why.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                server.KeepErrorLine(e.Data);
                errorLine?.Invoke(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync(timeout, cancellationToken);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a power cut for the process.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private void KeepErrorLine(string line)
    {
        lock (_lastErrors)
        {
            _lastErrors.Enqueue(line);
            while (_lastErrors.Count > 40)
            {
                _lastErrors.Dequeue();
            }
        }
    }

    private string LastErrors()
    {
        lock (_lastErrors)
        {
            return string.Join('\n', _lastErrors);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                // Let the pipe readers deliver the last lines before reporting them.
                _process.WaitForExit();
                throw new InvalidOperationException(
                    $"The server exited with code {_process.ExitCode} before answering. Its last stderr lines:\n{LastErrors()}");
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
                // Busy starting.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The server did not answer /health within {timeout}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// src/Search.Api's build output for the caller's configuration and framework: the caller runs from
    /// &lt;repository&gt;/{src|tests}/&lt;project&gt;/bin/&lt;configuration&gt;/&lt;framework&gt;/.
    /// </summary>
    public static string ApiAssemblyPath() => ProjectAssemblyPath("Search.Api");

    /// <summary>The build output (<c>src/{project}/bin/…/{project}.dll</c>) of another program of the solution.</summary>
    public static string ProjectAssemblyPath(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = output.Parent!.Name;
        var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, "src", project, "bin", configuration, output.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project}.dll not found; build the solution first.", path);
    }
}
