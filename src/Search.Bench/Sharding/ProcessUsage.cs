namespace Search.Bench.Sharding;

/// <summary>
/// CPU time and resident memory of another process, read from Linux's /proc: the cluster bench sums them over
/// every server process it started, so the CPU a query or an ingest costs is counted wherever it ran (the wall
/// clock, on a shared machine, mostly measures the other tenants).
/// </summary>
public static class ProcessUsage
{
    /// <summary>Kernel clock ticks per second (USER_HZ): 100 on every Linux architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds of process <paramref name="pid"/>; 0 when it is gone.</summary>
    public static double CpuSeconds(int pid)
    {
        var path = $"/proc/{pid}/stat";
        return File.Exists(path) ? ParseCpuSeconds(File.ReadAllText(path)) : 0;
    }

    /// <summary>utime + stime of a /proc/PID/stat line, in seconds.</summary>
    /// <remarks>Fields are counted after the command name's closing parenthesis: the name may hold spaces.</remarks>
    public static double ParseCpuSeconds(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After ")": state is field 3 of the man page, utime 14 and stime 15, so indexes 11 and 12 here.
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Resident set size of process <paramref name="pid"/> in MB (VmRSS); 0 when it is gone.</summary>
    public static double ResidentMegabytes(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return 0;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>The 1-minute load average, so a reader can tell how contended the wall-clock numbers were.</summary>
    public static string LoadAverage() => LoadAverages(1);

    /// <summary>The first <paramref name="count"/> of the 1-, 5- and 15-minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverages(int count = 3) =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(count)) : "n/a";
}
