using Lucene.Net.Index;

namespace Search.Core.Indexing;

/// <summary>
/// Lucene's concurrent merge scheduler, except that a failed background merge (disk full, most often) is
/// recorded instead of rethrown. Lucene.NET rethrows it on the merge thread, where nothing catches it and the
/// whole server process dies; a failed merge leaves the index as it was (the merge's partial files are
/// deleted) and the merge is simply tried again later.
/// </summary>
public sealed class TolerantMergeScheduler : ConcurrentMergeScheduler
{
    private int _failures;

    /// <summary>Background merges that failed since the writer opened.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>The last merge failure, for the logs.</summary>
    public Exception? LastFailure { get; private set; }

    protected override void HandleMergeException(Exception exc)
    {
        Interlocked.Increment(ref _failures);
        LastFailure = exc;
    }
}
