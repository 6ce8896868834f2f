using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Search.Shared;

/// <summary>
/// A throw-away redis-server on a free loopback port (no persistence) holding an Orleans cluster's membership, for the
/// cluster tests and the cluster bench; disposing it kills it. Linked as source into both. redis-server must be
/// installed (.ci/run and scripts/cluster install it on Debian).
/// </summary>
internal sealed class RedisProcess : IDisposable
{
    private readonly Process _process;

    private RedisProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port it listens on, at 127.0.0.1.</summary>
    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts it and waits until it accepts connections (up to 10 s).</summary>
    public static RedisProcess Start()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        var redis = new RedisProcess(process, port);
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return redis;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        redis.Dispose();
        throw new InvalidOperationException($"redis-server did not listen on port {port}.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
