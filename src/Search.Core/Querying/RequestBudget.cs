namespace Search.Core.Querying;

/// <summary>
/// The time one request may take across all its stages (parse, feedback, collect, collapse, facets,
/// highlighting, spelling), <see cref="SearchOptions.QueryTimeoutMs"/> by default 10 s. Collecting watches
/// <see cref="Token"/> (checked between segments and every few thousand matches); the other stages call
/// <see cref="Check"/> between units of work (each hit, each facet). Past the limit a stage throws
/// <see cref="SearchTimeoutException"/> (a 503), whichever stage it is; the client going away throws
/// <see cref="OperationCanceledException"/> as before.
/// </summary>
public sealed class RequestBudget : IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly TimeSpan _limit;
    private readonly CancellationToken _aborted;
    private readonly CancellationTokenSource _expiry;

    public RequestBudget(TimeSpan limit, TimeProvider time, CancellationToken requestAborted)
    {
        _time = time;
        _start = time.GetTimestamp();
        _limit = limit;
        _aborted = requestAborted;
        _expiry = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        _expiry.CancelAfter(limit);
    }

    /// <summary>Cancelled when the budget runs out or the client goes away.</summary>
    public CancellationToken Token => _expiry.Token;

    /// <summary>Throws when the client went away or the budget is spent.</summary>
    public void Check()
    {
        _aborted.ThrowIfCancellationRequested();
        if (_expiry.IsCancellationRequested || _time.GetElapsedTime(_start) > _limit)
        {
            throw Expired();
        }
    }

    /// <summary>The exception for a spent budget (also for a stage that saw <see cref="Token"/> cancelled).</summary>
    public SearchTimeoutException Expired() => new((int)_limit.TotalMilliseconds);

    /// <summary>True when <paramref name="exception"/> is this budget running out, not the client going away.</summary>
    public bool IsExpiry(OperationCanceledException exception) => !_aborted.IsCancellationRequested && _expiry.IsCancellationRequested;

    public void Dispose() => _expiry.Dispose();
}
