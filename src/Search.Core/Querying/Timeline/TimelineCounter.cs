using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Querying.Facets;

namespace Search.Core.Querying.Timeline;

/// <summary>
/// Counts matching articles per day, week, month or year from the <see cref="ArticleFields.PublishedDays"/>
/// numeric doc values (no stored field is read). Like a facet, it ignores the date filter so the chart shows
/// where the rest of the timeline lies while a range is selected; every other filter applies. Undated
/// articles are left out. Buckets run without gaps from the first dated match to the last.
/// </summary>
public static class TimelineCounter
{
    /// <summary>The most buckets <see cref="HistogramInterval.Auto"/> aims for: about a chart's width of bars.</summary>
    public const int MaxAutoBuckets = 60;

    /// <summary>The filter name the date range is registered under in a <see cref="MatchSet"/>.</summary>
    public const string DateFilter = FacetDefinition.Published;

    /// <summary>
    /// The timeline of <paramref name="matches"/> in <paramref name="reader"/> (the reader the matches were collected on);
    /// <paramref name="used"/> is the interval of the buckets: <paramref name="interval"/>, or what <see cref="HistogramInterval.Auto"/> chose.
    /// </summary>
    public static IReadOnlyList<TimelineBucket> Count(IndexReader reader, MatchSet matches, HistogramInterval interval, out HistogramInterval used,
        CancellationToken cancellationToken)
    {
        return FromDays(CountPerDay(reader, matches, cancellationToken), interval, out used);
    }

    /// <summary>
    /// Matches per publication day number (<see cref="DateOnly.DayNumber"/>), every filter but the date one
    /// applied: what <see cref="Count"/> buckets. A shard of a sharded index sends these, and the coordinator sums
    /// them day by day before bucketing, so the timeline (and what auto picks) is exactly one index's.
    /// </summary>
    public static Dictionary<int, int> CountPerDay(IndexReader reader, MatchSet matches, CancellationToken cancellationToken) =>
        CountDays(reader, matches, matches.FilterIndex(DateFilter), cancellationToken);

    /// <summary>
    /// Articles per publication day number that every filter of <paramref name="request"/> but the date one keeps,
    /// whatever the query: the background of the coverage share (<see cref="TimelineBucket.Total"/>).
    /// </summary>
    public static Dictionary<int, int> CountAllPerDay(Lucene.Net.Search.IndexSearcher searcher, SearchRequest request, CancellationToken cancellationToken)
    {
        var all = SearchCollection.Collect(searcher, new Lucene.Net.Search.MatchAllDocsQuery(), request, 1, null, rememberMatches: true, cancellationToken);
        return CountPerDay(searcher.IndexReader, all.Matches(), cancellationToken);
    }

    /// <summary>
    /// The /search histogram: <paramref name="perDay"/> bucketed with each bucket's <paramref name="totalsPerDay"/>;
    /// the buckets span at least <paramref name="from"/>..<paramref name="to"/> when given (empty buckets at the edges,
    /// as a time picker's axis), and reach out to any match outside them (the date filter does not narrow its own histogram).
    /// </summary>
    public static IReadOnlyList<TimelineBucket> FromDays(IReadOnlyDictionary<int, int> perDay, IReadOnlyDictionary<int, int> totalsPerDay,
        HistogramInterval interval, DateOnly? from, DateOnly? to, out HistogramInterval used)
    {
        IEnumerable<int> edges = [.. perDay.Keys, .. from is { } f ? [f.DayNumber] : Array.Empty<int>(), .. to is { } t ? [t.DayNumber] : Array.Empty<int>()];
        if (!edges.Any())
        {
            used = interval == HistogramInterval.Auto ? HistogramInterval.Day : interval;
            return [];
        }

        var first = DateOnly.FromDayNumber(edges.Min());
        var last = DateOnly.FromDayNumber(edges.Max());
        used = interval == HistogramInterval.Auto ? PickInterval(first, last) : interval;
        var totals = new Dictionary<DateOnly, int>();
        foreach (var (day, count) in totalsPerDay)
        {
            var start = BucketStart(DateOnly.FromDayNumber(day), used);
            totals[start] = totals.GetValueOrDefault(start) + count;
        }

        return [.. Bucket(perDay, first, last, used).Select(b => b with { Total = totals.GetValueOrDefault(b.Start) })];
    }

    /// <summary>Buckets counts per day number (<see cref="DateOnly.DayNumber"/>) into <paramref name="interval"/>s; see <see cref="Count"/>.</summary>
    public static IReadOnlyList<TimelineBucket> FromDays(IReadOnlyDictionary<int, int> perDay, HistogramInterval interval, out HistogramInterval used)
    {
        if (perDay.Count == 0)
        {
            used = interval == HistogramInterval.Auto ? HistogramInterval.Day : interval;
            return [];
        }

        var first = DateOnly.FromDayNumber(perDay.Keys.Min());
        var last = DateOnly.FromDayNumber(perDay.Keys.Max());
        used = interval == HistogramInterval.Auto ? PickInterval(first, last) : interval;
        return Bucket(perDay, first, last, used);
    }

    /// <summary>The finest interval that keeps <paramref name="first"/>..<paramref name="last"/> within <see cref="MaxAutoBuckets"/> buckets (years otherwise).</summary>
    public static HistogramInterval PickInterval(DateOnly first, DateOnly last)
    {
        foreach (var interval in new[] { HistogramInterval.Day, HistogramInterval.Week, HistogramInterval.Month })
        {
            if (BucketCount(first, last, interval) <= MaxAutoBuckets)
            {
                return interval;
            }
        }

        return HistogramInterval.Year;
    }

    /// <summary>The first day of the bucket of <paramref name="interval"/> that holds <paramref name="day"/>.</summary>
    public static DateOnly BucketStart(DateOnly day, HistogramInterval interval) => interval switch
    {
        HistogramInterval.Day => day,
        // ISO weeks start on Monday.
        HistogramInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        HistogramInterval.Month => new DateOnly(day.Year, day.Month, 1),
        HistogramInterval.Year => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Pick a concrete interval first."),
    };

    private static DateOnly NextStart(DateOnly start, HistogramInterval interval) => interval switch
    {
        HistogramInterval.Day => start.AddDays(1),
        HistogramInterval.Week => start.AddDays(7),
        HistogramInterval.Month => start.AddMonths(1),
        _ => start.AddYears(1),
    };

    private static int BucketCount(DateOnly first, DateOnly last, HistogramInterval interval)
    {
        var a = BucketStart(first, interval);
        var b = BucketStart(last, interval);
        return interval switch
        {
            HistogramInterval.Day => b.DayNumber - a.DayNumber + 1,
            HistogramInterval.Week => ((b.DayNumber - a.DayNumber) / 7) + 1,
            HistogramInterval.Month => ((b.Year - a.Year) * 12) + b.Month - a.Month + 1,
            _ => b.Year - a.Year + 1,
        };
    }

    private static List<TimelineBucket> Bucket(IReadOnlyDictionary<int, int> perDay, DateOnly first, DateOnly last, HistogramInterval interval)
    {
        var counts = new SortedDictionary<DateOnly, int>();
        for (var start = BucketStart(first, interval); start <= last; start = NextStart(start, interval))
        {
            counts[start] = 0;
        }

        foreach (var (day, count) in perDay)
        {
            var start = BucketStart(DateOnly.FromDayNumber(day), interval);
            counts[start] = counts.GetValueOrDefault(start) + count;
        }

        return [.. counts.Select(kv => new TimelineBucket(kv.Key, kv.Value))];
    }

    /// <summary>Matches per publication day number, kept by every filter but the date one.</summary>
    private static Dictionary<int, int> CountDays(IndexReader reader, MatchSet matches, int ignoredFilter, CancellationToken cancellationToken)
    {
        var perDay = new Dictionary<int, int>();
        foreach (var leaf in reader.Leaves)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var days = leaf.AtomicReader.GetNumericDocValues(ArticleFields.PublishedDays);
            var dated = leaf.AtomicReader.GetDocsWithField(ArticleFields.PublishedDays);
            if (days is null || dated is null)
            {
                continue;
            }

            var docs = matches.Matches(leaf.Ord);
            var length = docs.Length;
            // Runs of articles from one day are common (an index is often built in date order): count them
            // in a local before touching the dictionary.
            int lastDay = int.MinValue, run = 0;
            for (var doc = length == 0 ? -1 : docs.NextSetBit(0); doc >= 0; doc = doc + 1 < length ? docs.NextSetBit(doc + 1) : -1)
            {
                if (!dated.Get(doc) || !matches.IsKept(leaf.Ord, doc, ignoredFilter))
                {
                    continue;
                }

                var day = (int)days.Get(doc);
                if (day != lastDay)
                {
                    Flush(perDay, lastDay, run);
                    lastDay = day;
                    run = 0;
                }

                run++;
            }

            Flush(perDay, lastDay, run);
        }

        return perDay;
    }

    private static void Flush(Dictionary<int, int> perDay, int day, int run)
    {
        if (run > 0)
        {
            perDay[day] = perDay.GetValueOrDefault(day) + run;
        }
    }
}
