namespace Search.Bench.Measurement;

/// <summary>
/// CPU time of the whole process (Linux CLOCK_PROCESS_CPUTIME_ID): the searching thread plus the garbage
/// collection and JIT work its allocations and code cause on other threads, which the thread's own clock
/// (<see cref="ThreadCpuClock"/>) misses. On a machine shared with other people's builds, wall time mostly
/// measures waiting for a core; CPU time does not. NaN where the clock is unavailable.
/// </summary>
public static class ProcessCpuClock
{
    public static double NowMs() => LinuxCpuClock.ReadMs(LinuxCpuClock.Process);
}
