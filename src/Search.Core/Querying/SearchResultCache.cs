using System.Collections.Concurrent;
using System.Text;
using Search.Core.Indexing.Readers;

namespace Search.Core.Querying;

/// <summary>
/// Finished search responses of the current index reader, keyed by the whole request, so a query many
/// people run (a breaking story, the page's first screen, a dashboard polling) is answered without searching
/// again. An entry is valid exactly as long as the reader it was computed on is the newest one: the first
/// request that sees a newer reader (its <see cref="ReaderContext"/>) starts an empty generation, so a cached answer never hides a write
/// that a fresh search would show. Bounded by entry count, oldest evicted first; 0 turns it off. Each entry also
/// keeps its wire form (<see cref="EncodedBody"/>), made once, so a repeated answer is not serialised again.
/// </summary>
public sealed class SearchResultCache(int capacity)
{
    private Generation _current = new(null, -1);

    public int Capacity { get; } = Math.Max(0, capacity);

    /// <summary>
    /// The cached response for <paramref name="key"/> on the reader of <paramref name="context"/>, or
    /// <paramref name="search"/>'s (stored when it completes). The search must see that very reader: callers
    /// hold the lease the context came from while searching.
    /// </summary>
    public SearchResponse GetOrAdd(ReaderContext context, string key, Func<SearchResponse> search)
    {
        if (Capacity == 0 || Current(context) is not { } generation)
        {
            return search();
        }

        if (generation.Entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var response = search();
        if (generation.Entries.TryAdd(key, response))
        {
            generation.Bodies[response] = new Body(response);
            generation.Order.Enqueue(key);
            while (generation.Entries.Count > Capacity && generation.Order.TryDequeue(out var oldest))
            {
                if (generation.Entries.TryRemove(oldest, out var evicted))
                {
                    generation.Bodies.TryRemove(evicted, out _);
                }
            }
        }

        return response;
    }

    /// <summary>
    /// The wire form of <paramref name="response"/> when it is an entry of the current generation: made by
    /// <paramref name="encode"/> once per entry (concurrent requests for it wait for that one build) and dropped with
    /// the entry. Null for a response the cache does not hold (a fresh search, an evicted or outdated entry).
    /// </summary>
    public byte[]? EncodedBody(SearchResponse response, Func<SearchResponse, byte[]> encode) =>
        Volatile.Read(ref _current).Bodies.TryGetValue(response, out var body) ? body.Get(encode) : null;

    /// <summary>Number of responses held for the current reader.</summary>
    public int Count => Volatile.Read(ref _current).Entries.Count;

    /// <summary>
    /// The generation for <paramref name="context"/>'s reader: the current one, or a new one when the reader is
    /// newer. Null when a request still searches an older reader: its answer is neither served from nor stored
    /// in the cache.
    /// </summary>
    private Generation? Current(ReaderContext context)
    {
        var version = context.Version;
        while (true)
        {
            var generation = Volatile.Read(ref _current);
            if (ReferenceEquals(generation.Context, context))
            {
                return generation;
            }

            if (version < 0 || version <= generation.Version)
            {
                return null;
            }

            var fresh = new Generation(context, version);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, fresh, generation), generation))
            {
                return fresh;
            }
        }
    }

    /// <summary>The cache key of a search: every field that changes its answer.</summary>
    public static string KeyOf(SearchRequest request, string mode)
    {
        var key = new StringBuilder(128)
            .Append(mode).Append('\u0001')
            .Append(request.Query).Append('\u0001')
            .Append(request.From?.DayNumber).Append('\u0001')
            .Append(request.To?.DayNumber).Append('\u0001')
            .Append((int)request.Sort).Append('\u0001')
            .Append((int)request.Operator).Append('\u0001')
            .Append(request.Page).Append('\u0001')
            .Append(request.Size).Append('\u0001')
            .Append(request.After).Append('\u0001')
            .Append(request.IncludeFacets).Append('\u0001')
            .Append(request.CollapseStories).Append('\u0001')
            .Append((int)request.Expansion).Append('\u0001')
            .Append(request.Histogram is { } histogram ? (int)histogram : -1).Append('\u0001')
            .Append((int)request.Terms);
        foreach (var facet in Facets.FacetDefinition.All)
        {
            key.Append('\u0001').Append(facet.Name);
            foreach (var value in request.ValuesOf(facet.Name))
            {
                key.Append('\u0002').Append(value);
            }
        }

        return key.ToString();
    }

    private sealed class Generation(ReaderContext? context, long version)
    {
        public ReaderContext? Context { get; } = context;

        public long Version { get; } = version;

        public ConcurrentDictionary<string, SearchResponse> Entries { get; } = new(StringComparer.Ordinal);

        public ConcurrentQueue<string> Order { get; } = new();

        /// <summary>Each entry's wire form, found by the response instance the cache handed out.</summary>
        public ConcurrentDictionary<SearchResponse, Body> Bodies { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary>An entry's wire form, built by the first request that needs it; the others wait for it.</summary>
    private sealed class Body(SearchResponse response)
    {
        private readonly Lock _lock = new();
        private byte[]? _bytes;

        public byte[] Get(Func<SearchResponse, byte[]> encode)
        {
            if (Volatile.Read(ref _bytes) is { } bytes)
            {
                return bytes;
            }

            lock (_lock)
            {
                if (_bytes is null)
                {
                    Volatile.Write(ref _bytes, encode(response));
                }

                return _bytes!;
            }
        }
    }
}
