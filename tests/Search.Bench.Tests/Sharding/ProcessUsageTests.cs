using Search.Bench.Sharding;

namespace Search.Bench.Tests.Sharding;

public sealed class ProcessUsageTests
{
    [Fact]
    public void Cpu_time_is_user_plus_system_ticks_read_after_a_command_name_holding_spaces_and_parentheses()
    {
        // /proc/PID/stat: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        var stat = "4242 (dotnet (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 566 0 0 20 0 30 0 100 0 0";

        Assert.Equal(18.0, ProcessUsage.ParseCpuSeconds(stat), 6);
    }

    [Fact]
    public void This_process_has_spent_cpu_time()
    {
        var seconds = ProcessUsage.CpuSeconds(Environment.ProcessId);

        Assert.True(!OperatingSystem.IsLinux() || seconds > 0, $"read {seconds} s");
    }
}
