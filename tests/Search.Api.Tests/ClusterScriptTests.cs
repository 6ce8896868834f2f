using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// The README's cluster script (#15) as a user runs it: <c>scripts/cluster start --silos 2</c> builds the API,
/// starts Redis and two silos over one data root; both silos answer the same search identically, a write made
/// through one is found through the other, <c>status</c> lists both, <c>kill</c> takes one down, and <c>stop</c>
/// leaves no process behind.
/// </summary>
public sealed class ClusterScriptTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "search-script-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheClusterScriptStartsTwoSilosThatServeOneIndexAndStopsThem()
    {
        var port = TwoFreePorts();
        // --api: the build the tests already made (the script would otherwise publish a Release build of its own).
        var started = Script("start", "--silos", "2", "--shards", "4", "--data", _data, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--api", Search.Shared.ApiServerProcess.ApiAssemblyPath());
        Assert.True(started.ExitCode == 0, "cluster start failed:\n" + started.Output);

        var key = (await File.ReadAllTextAsync(Path.Combine(_data, "index.apikey"))).Trim('\uFEFF', ' ', '\r', '\n');
        using var first = Client(port, key);
        using var second = Client(port + 1, key);
        var health = await first.GetOkJsonAsync("/health");
        Assert.Equal(4, health.GetProperty("shards").GetInt32());
        Assert.Equal(2, health.GetProperty("silos").GetInt32());

        const string Query = "/search?q=president&size=5";
        var one = await first.GetOkJsonAsync(Query);
        var other = await second.GetOkJsonAsync(Query);
        Assert.True(one.GetProperty("total").GetInt32() > 0);
        Assert.Equal(Ids(one), Ids(other));
        Assert.Equal(one.GetProperty("total").GetInt32(), other.GetProperty("total").GetInt32());

        var put = await first.PutAsJsonAsync(new Uri("/articles/script-written?refresh=wait", UriKind.Relative),
            new { text = "Harbour Lanterns\n\nThe harbour lanterns were lit by the script test." });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var found = await second.GetOkJsonAsync("/search?q=%22harbour%20lanterns%22");
        Assert.Equal(["script-written"], Ids(found));

        var status = Script("status", "--data", _data);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("silo 1 up", status.Output, StringComparison.Ordinal);
        Assert.Contains("silo 2 up", status.Output, StringComparison.Ordinal);

        var pids = Pids();
        Assert.Equal(0, Script("kill", "2", "--data", _data).ExitCode);
        Assert.Contains("silo 2 down", Script("status", "--data", _data).Output, StringComparison.Ordinal);

        Assert.Equal(0, Script("stop", "--data", _data).ExitCode);
        foreach (var pid in pids)
        {
            Assert.True(Exited(pid), $"process {pid} still runs after stop");
        }
    }

    private (int ExitCode, string Output) Script(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot, "scripts", "cluster"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
        }

        var text = stdout.Result + stderr.Result;
        output.WriteLine($"scripts/cluster {string.Join(' ', arguments)} → {process.ExitCode}\n{text}");
        return (process.ExitCode, text);
    }

    /// <summary>The silos' and Redis' process ids the script keeps in its run folder.</summary>
    private List<int> Pids() =>
        [.. Directory.EnumerateFiles(Path.Combine(_data, "run"), "*.pid").Select(f => int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture))];

    private static bool Exited(int pid)
    {
        for (var i = 0; i < 100; i++)
        {
            // Gone, or a zombie (a killed orphan stays one where PID 1 does not reap): either way it runs no more.
            var stat = $"/proc/{pid}/stat";
            try
            {
                if (!File.Exists(stat) || File.ReadAllText(stat).Split(") ")[^1].StartsWith('Z'))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }

    private static List<string> Ids(JsonElement response) =>
        [.. response.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!)];

    private static HttpClient Client(int port, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A port p with p and p + 1 both free (the script gives silo i the port p + i − 1).</summary>
    private static int TwoFreePorts()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                using var second = new TcpListener(IPAddress.Loopback, port + 1);
                second.Start();
                second.Stop();
                return port;
            }
            catch (SocketException) when (attempt < 50)
            {
            }
        }
    }

    private static string RepositoryRoot => Path.GetDirectoryName(SearchApiFactory.SeedsPath)!;

    public void Dispose()
    {
        if (Directory.Exists(Path.Combine(_data, "run")))
        {
            Script("stop", "--data", _data);
        }

        Search.Shared.FolderCleanup.Delete(_data);
    }
}
