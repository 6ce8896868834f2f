using System.Runtime.InteropServices;

namespace Search.Bench.Measurement;

/// <summary>
/// CPU time of the whole process (Linux CLOCK_PROCESS_CPUTIME_ID): the searching thread plus the garbage
/// collection and JIT work its allocations and code cause on other threads, which the thread's own clock
/// (<see cref="ThreadCpuClock"/>) misses. On a machine shared with other people's builds, wall time mostly
/// measures waiting for a core; CPU time does not. NaN where the clock is unavailable.
/// </summary>
public static partial class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    public static double NowMs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        return ClockGetTime(ClockProcessCpuTimeId, out var time) == 0 ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6) : double.NaN;
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
