using System.Runtime.InteropServices;

namespace Search.Bench.Measurement;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID, read through the vDSO, so it costs about as
/// much as a Stopwatch read). On a machine shared with other people's builds, wall time per query mostly
/// measures waiting for a core; the thread's own CPU time does not. NaN where the clock is unavailable.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static double NowMs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        return ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6) : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
