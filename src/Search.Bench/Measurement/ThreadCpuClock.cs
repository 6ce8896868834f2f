namespace Search.Bench.Measurement;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). On a machine shared with other people's builds,
/// wall time per query mostly measures waiting for a core; the thread's own CPU time does not. NaN where the clock
/// is unavailable.
/// </summary>
public static class ThreadCpuClock
{
    public static double NowMs() => LinuxCpuClock.ReadMs(LinuxCpuClock.Thread);
}
