using System.Diagnostics;
using System.Text;

namespace Search.Bench.Engines;

/// <summary>
/// One <c>xapian_peer.py</c> child process run by Debian's <c>/usr/bin/python3</c> (not the first python3 on
/// PATH, which may be a pyenv shim without Debian's python3-xapian). Requests and answers are single lines.
/// </summary>
public sealed class XapianPeer : IDisposable
{
    /// <summary>Debian's interpreter, which sees python3-xapian.</summary>
    public const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private XapianPeer(Process process) => _process = process;

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Engines", "xapian_peer.py");

    public static XapianPeer Start()
    {
        if (!File.Exists(Python))
        {
            throw new XapianPeerException($"{Python} not found (install: apt-get install -y python3-xapian)");
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-u", ScriptPath },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        var process = Process.Start(start) ?? throw new XapianPeerException("could not start " + Python);
        return new XapianPeer(process);
    }

    /// <summary>Starts a peer and asks its Xapian version; the reason it cannot run when it cannot.</summary>
    public static (string? Version, string? Problem) Probe()
    {
        try
        {
            using var peer = Start();
            var answer = peer.Ask(XapianProtocol.Hello());
            return (XapianProtocol.Answer(answer)["version"]?.GetValue<string>(), null);
        }
        catch (XapianPeerException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Sends one request line and waits for its answer line (null when the peer has ended).</summary>
    public string? Ask(string line)
    {
        Send(line);
        return Receive();
    }

    public void Send(string line)
    {
        try
        {
            _process.StandardInput.Write(line);
            _process.StandardInput.Write('\n');
            _process.StandardInput.Flush();
        }
        catch (IOException ex)
        {
            throw new XapianPeerException("the Xapian peer stopped reading: " + ErrorTail(), ex);
        }
    }

    public string? Receive()
    {
        var line = _process.StandardOutput.ReadLine();
        if (line is null)
        {
            throw new XapianPeerException("the Xapian peer ended: " + ErrorTail());
        }

        return line;
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        catch (IOException)
        {
            // Already gone: nothing left to stop.
        }
        catch (InvalidOperationException)
        {
            // Same: the process has exited.
        }

        _process.Dispose();
    }

    /// <summary>The last lines of the peer's stderr: a missing python3-xapian ends in "No module named 'xapian'".</summary>
    private string ErrorTail()
    {
        _process.WaitForExit(2000);
        var lines = _process.StandardError.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "(no message)" : string.Join(" | ", lines.TakeLast(2));
    }
}
