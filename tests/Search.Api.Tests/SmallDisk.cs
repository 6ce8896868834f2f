using System.Diagnostics;

namespace Search.Api.Tests;

/// <summary>
/// A tmpfs of a few megabytes, mounted for one test and unmounted on dispose, that the test can fill up
/// (a filler file takes all but a chosen amount of its space) and free again.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly string _filler;

    public SmallDisk(int megabytes)
    {
        Root = Path.Combine(Path.GetTempPath(), "robust-fs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", Root);
        _filler = Path.Combine(Root, "filler");
    }

    public string Root { get; }

    /// <summary>Bytes still free on the disk.</summary>
    public long FreeBytes => new DriveInfo(Root).AvailableFreeSpace;

    /// <summary>Grows the filler until only about <paramref name="leaveBytes"/> are free.</summary>
    public void FillLeaving(long leaveBytes)
    {
        using var stream = new FileStream(_filler, FileMode.Append, FileAccess.Write);
        var chunk = new byte[64 * 1024];
        try
        {
            while (FreeBytes > leaveBytes)
            {
                stream.Write(chunk, 0, (int)Math.Min(chunk.Length, Math.Max(4096, FreeBytes - leaveBytes)));
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // Full already: that is the point.
        }
    }

    /// <summary>Gives the filler's space back.</summary>
    public void Free() => File.Delete(_filler);

    public void Dispose()
    {
        Run("umount", "-l", Root);
        Directory.Delete(Root, recursive: true);
    }

    private static void Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
