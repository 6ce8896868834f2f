using Search.Core;

namespace Search.Api.Export;

/// <summary>
/// Caps the exports running at once (<see cref="SearchOptions.MaxConcurrentExports"/>): each holds a reader open and
/// keeps a core busy while it runs. One more is refused at once (429), never queued behind a long download.
/// </summary>
public sealed class ExportLimiter(SearchOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentExports, options.MaxConcurrentExports);

    /// <summary>Seconds a refused client is told to wait before retrying.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>Takes a slot if one is free; dispose the returned lease to give it back. Null: all are taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
