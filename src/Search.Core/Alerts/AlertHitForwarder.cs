using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Core.Alerts;

/// <summary>
/// The write observer of a shard whose alert book is elsewhere (a shard grain; the book is the alert grain): it
/// matches each durable write with the shard's <see cref="AlertFollower"/> and keeps the matches until
/// <see cref="FlushAsync"/> sends them to the book, which the shard calls after a write and before the write is
/// acknowledged. Flushes are serialised and a flush covers every match kept before it started, so each write's
/// acknowledgement waits until its own matches are durable, even when another write's flush carried them.
/// </summary>
/// <param name="follower">The shard's copy of the alerts.</param>
/// <param name="shard">The shard's number, recorded with each match.</param>
/// <param name="record">Sends matches to the book and completes once they are durable.</param>
public sealed class AlertHitForwarder(AlertFollower follower, int shard, Func<IReadOnlyList<AlertHit>, Task> record) : IArticleWriteObserver, IDisposable
{
    private readonly System.Threading.Lock _lock = new();
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly List<AlertHit> _pending = [];
    private long _kept;
    private long _flushed;

    public void OnDurable(Article article, IngestOutcome outcome, long sequence)
    {
        var ids = follower.Match(article);
        if (ids.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            _pending.Add(AlertHit.Of(ids, article, sequence, shard));
            _kept++;
        }
    }

    public void OnDeleted(string id, long sequence)
    {
        // A deleted article's earlier matches stay delivered; there is nothing to match.
    }

    /// <summary>Returns once every match kept before the call is durable in the book.</summary>
    public async Task FlushAsync()
    {
        long target;
        lock (_lock)
        {
            target = _kept;
        }

        await _flushGate.WaitAsync();
        try
        {
            if (Interlocked.Read(ref _flushed) >= target)
            {
                return;
            }

            AlertHit[] batch;
            long upTo;
            lock (_lock)
            {
                batch = [.. _pending];
                _pending.Clear();
                upTo = _kept;
            }

            try
            {
                await record(batch);
            }
            catch
            {
                // Kept for the next flush: the write that waited on them is not acknowledged, and its retry sends them.
                lock (_lock)
                {
                    _pending.InsertRange(0, batch);
                }

                throw;
            }

            Interlocked.Exchange(ref _flushed, upTo);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    public void Dispose() => _flushGate.Dispose();
}
