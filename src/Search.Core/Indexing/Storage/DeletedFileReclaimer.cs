namespace Search.Core.Indexing.Storage;

/// <summary>
/// Decides when a <see cref="MappedDirectory"/> pays a full garbage collection to free the disk space of deleted
/// segment files (see <see cref="MappedDirectory.ReclaimDeletedFiles"/>): when at least <see cref="ThresholdBytes"/>
/// wait, at most once per <see cref="Interval"/>; and, when the index's writer has failed (a full disk, where those
/// bytes are what the next commit needs), whenever any wait, at most once per <see cref="UrgentInterval"/>.
/// </summary>
/// <remarks>
/// A collection that frees nothing (the files still belong to a reader some search holds) still counts as an
/// attempt: the next one waits a full interval, so a long search never turns the refresh loop into a GC loop.
/// </remarks>
public sealed class DeletedFileReclaimer(Func<long> waitingBytes, Func<long> reclaim, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly System.Threading.Lock _lock = new();
    private long? _lastAttempt;

    /// <summary>Reclaims the deleted files of <paramref name="directory"/>.</summary>
    public DeletedFileReclaimer(MappedDirectory directory)
        : this(() => directory.DeletedBytesStillMapped, directory.ReclaimDeletedFiles)
    {
    }

    /// <summary>Deleted bytes that make a routine reclaim worth a full collection.</summary>
    public long ThresholdBytes { get; init; } = 64L << 20;

    /// <summary>Least time between routine reclaims.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Least time between reclaims while the writer needs disk space.</summary>
    public TimeSpan UrgentInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reclaims when due; returns the bytes freed (0 when not due or nothing could be freed).</summary>
    /// <param name="urgent">The writer failed (likely a full disk): free whatever can be freed, soon.</param>
    public long MaybeReclaim(bool urgent)
    {
        var waiting = waitingBytes();
        if (waiting == 0 || (!urgent && waiting < ThresholdBytes))
        {
            return 0;
        }

        lock (_lock)
        {
            var now = _clock.GetTimestamp();
            if (_lastAttempt is { } last && _clock.GetElapsedTime(last, now) < (urgent ? UrgentInterval : Interval))
            {
                return 0;
            }

            _lastAttempt = now;
        }

        return reclaim();
    }
}
