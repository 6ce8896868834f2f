using System.Buffers;

namespace Search.Core.Querying.Facets;

/// <summary>
/// Counts per global ordinal for one facet of one request, and the top values among them. It remembers which
/// ordinals it touched, so picking the top values and clearing up cost the number of distinct values the
/// matches have, not the number the field has (the speaker facet has ~131k on the AllSides corpus, a
/// phrase query's matches a few dozen). The arrays are rented, not allocated: an int per value of a large
/// field is a large-object-heap allocation per request otherwise.
/// </summary>
public sealed class FacetTally : IDisposable
{
    private readonly int[] _counts;
    private readonly int[] _touched;
    private int _touchedCount;

    public FacetTally(int valueCount)
    {
        _counts = ArrayPool<int>.Shared.Rent(Math.Max(1, valueCount));
        // Pooled arrays come back as their last user left them.
        Array.Clear(_counts, 0, valueCount);
        _touched = ArrayPool<int>.Shared.Rent(Math.Max(1, valueCount));
    }

    /// <summary>Distinct ordinals counted so far.</summary>
    public int Distinct => _touchedCount;

    public void Add(int ordinal, int count = 1)
    {
        if (_counts[ordinal] == 0)
        {
            _touched[_touchedCount++] = ordinal;
        }

        _counts[ordinal] += count;
    }

    public int CountOf(int ordinal) => _counts[ordinal];

    /// <summary>Moves the count of <paramref name="from"/> onto <paramref name="to"/> (an alias folded into its name, #22).</summary>
    public void Move(int from, int to)
    {
        var count = _counts[from];
        if (count != 0)
        {
            _counts[from] = 0;
            Add(to, count);
        }
    }

    /// <summary>The ordinals counted so far, in the order first met.</summary>
    public ReadOnlySpan<int> Touched() => _touched.AsSpan(0, _touchedCount);

    /// <summary>
    /// The <paramref name="size"/> ordinals with the highest counts, ties by lower ordinal (ordinals follow the
    /// values' sort order, so ties come out in value order), selected with a bounded heap.
    /// </summary>
    public List<int> Top(int size) => Top(size, null);

    /// <summary>
    /// The <paramref name="size"/> ordinals with the highest counts, ties by lower <paramref name="tieKeys"/>[ordinal]
    /// (by lower ordinal when null), selected with a bounded heap; a count below the weakest kept one is passed
    /// over with one comparison, so the long tail of values met once costs almost nothing.
    /// </summary>
    public List<int> Top(int size, int[]? tieKeys)
    {
        if (size <= 0 || _touchedCount == 0)
        {
            return [];
        }

        // The heap's root is the weakest kept value: the lowest count, and among equal counts the highest tie key.
        var heap = new PriorityQueue<int, (int Count, int Key)>(Math.Min(size, _touchedCount) + 1, WeakestFirst.Instance);
        var weakestCount = 0;
        for (var i = 0; i < _touchedCount; i++)
        {
            var ordinal = _touched[i];
            var count = _counts[ordinal];
            // Zero: a value whose count moved to another (Move).
            if (count == 0 || (heap.Count == size && count < weakestCount))
            {
                continue;
            }

            var key = (count, tieKeys is null ? ordinal : tieKeys[ordinal]);
            if (heap.Count < size)
            {
                heap.Enqueue(ordinal, key);
            }
            else if (heap.TryPeek(out _, out var weakest) && WeakestFirst.Instance.Compare(key, weakest) > 0)
            {
                heap.EnqueueDequeue(ordinal, key);
            }

            heap.TryPeek(out _, out var root);
            weakestCount = root.Count;
        }

        var top = new List<int>(heap.Count);
        while (heap.Count > 0)
        {
            top.Add(heap.Dequeue());
        }

        top.Reverse();
        return top;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_counts);
        ArrayPool<int>.Shared.Return(_touched);
    }

    /// <summary>Orders (count, ordinal) from weakest to strongest.</summary>
    private sealed class WeakestFirst : IComparer<(int Count, int Key)>
    {
        public static readonly WeakestFirst Instance = new();

        public int Compare((int Count, int Key) x, (int Count, int Key) y) =>
            x.Count != y.Count ? x.Count.CompareTo(y.Count) : y.Key.CompareTo(x.Key);
    }
}
