using System.Runtime.InteropServices;
using System.Text;

namespace Search.Core.Indexing;

/// <summary>
/// fsync of a directory, so that a file just created in it (the write-ahead log, the API key) is still
/// there after a power loss: fsync of the file makes its data durable, not its name (POSIX; ext4 and xfs
/// document it). .NET has no API for it (a directory cannot be opened as a FileStream), so it is two libc
/// calls. Windows makes the entry durable with the file and needs nothing.
/// </summary>
public static class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>fsyncs <paramref name="directory"/>; an <see cref="IOException"/> says why it could not.</summary>
    public static void Sync(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Encoding.UTF8.GetBytes(directory + "\0");
        var descriptor = NativeMethods.open(path, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"Could not open directory '{directory}' to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.fsync(descriptor) != 0)
            {
                throw new IOException($"Could not sync directory '{directory}' (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = NativeMethods.close(descriptor);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code enabled for the whole project; three blittable calls do not justify it.
        internal static extern int open(byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int fsync(int descriptor);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int close(int descriptor);
#pragma warning restore SYSLIB1054
    }
}
