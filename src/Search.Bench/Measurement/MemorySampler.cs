using System.Diagnostics;

namespace Search.Bench.Measurement;

/// <summary>
/// Samples the managed heap and the process working set every 20 ms while a phase runs and keeps the
/// peaks. SQLite's memory is native, so only the working set sees it; both engines run in this process
/// one after the other, so each peak is also reported relative to the working set when the phase began.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _peakManaged;
    private long _peakWorkingSet;

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        StartWorkingSet = CurrentWorkingSet();
        StartManaged = GC.GetTotalMemory(false);
        _peakManaged = StartManaged;
        _peakWorkingSet = StartWorkingSet;
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public long StartWorkingSet { get; }

    public long StartManaged { get; }

    public long PeakManaged => Interlocked.Read(ref _peakManaged);

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        _thread.Join();
    }

    private void Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            Update();
            _stop.Token.WaitHandle.WaitOne(20);
        }

        Update();
    }

    private void Update()
    {
        var managed = GC.GetTotalMemory(false);
        var workingSet = CurrentWorkingSet();
        if (managed > _peakManaged)
        {
            Interlocked.Exchange(ref _peakManaged, managed);
        }

        if (workingSet > _peakWorkingSet)
        {
            Interlocked.Exchange(ref _peakWorkingSet, workingSet);
        }
    }

    private static long CurrentWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
