using System.Runtime.InteropServices;

namespace Search.Bench.Measurement;

/// <summary>Reads a Linux CPU-time clock (clock_gettime, through the vDSO: about as cheap as a Stopwatch read).</summary>
internal static partial class LinuxCpuClock
{
    public const int Process = 2;
    public const int Thread = 3;

    /// <summary>Milliseconds of CPU on clock <paramref name="clockId"/>; NaN where the clock is unavailable.</summary>
    public static double ReadMs(int clockId) =>
        OperatingSystem.IsLinux() && ClockGetTime(clockId, out var time) == 0 ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6) : double.NaN;

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
