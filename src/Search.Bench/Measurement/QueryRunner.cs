using System.Collections.Concurrent;
using System.Diagnostics;
using Search.Bench.Engines;
using Search.Bench.Queries;

namespace Search.Bench.Measurement;

/// <summary>Latencies of one query class on one engine, on one thread and on two.</summary>
public sealed record ClassTiming(QueryClass Class, LatencyStats OneThread, LatencyStats TwoThreads);

/// <summary>
/// Times an engine over the query set: one warm-up pass (whose answers are kept for the overlap check),
/// then class by class, <c>rounds</c> passes on one thread, then the same on two threads at once.
/// </summary>
public sealed class QueryRunner(IReadOnlyList<BenchQuery> queries, int rounds)
{
    public List<QueryOutcome> WarmUp(ISearchEngine engine)
    {
        using var session = engine.OpenSession();
        return [.. queries.Select(session.Run)];
    }

    public List<ClassTiming> Time(ISearchEngine engine, IEnumerable<QueryClass> classes)
    {
        var timings = new List<ClassTiming>();
        foreach (var queryClass in classes)
        {
            var ofClass = queries.Where(q => q.Class == queryClass).ToList();
            if (ofClass.Count == 0)
            {
                continue;
            }

            timings.Add(new ClassTiming(queryClass, Run(engine, ofClass, threads: 1), Run(engine, ofClass, threads: 2)));
        }

        return timings;
    }

    /// <summary>One pass over <paramref name="ofClass"/> on one thread: each query's latency in milliseconds.</summary>
    public static List<double> TimeOnce(ISearchEngine engine, IReadOnlyList<BenchQuery> ofClass)
    {
        using var session = engine.OpenSession();
        var latencies = new List<double>(ofClass.Count);
        foreach (var query in ofClass)
        {
            latencies.Add(Timed(session, query));
        }

        return latencies;
    }

    /// <summary>Milliseconds of one query: the engine's own time when it reports one (another process), else wall time here.</summary>
    private static double Timed(IQuerySession session, BenchQuery query)
    {
        var began = Stopwatch.GetTimestamp();
        var outcome = session.Run(query);
        var elapsed = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
        return outcome.EngineMs ?? elapsed;
    }

    private LatencyStats Run(ISearchEngine engine, List<BenchQuery> ofClass, int threads)
    {
        var latencies = new ConcurrentBag<double>();
        var sessions = Enumerable.Range(0, threads).Select(_ => engine.OpenSession()).ToList();
        try
        {
            using var start = new Barrier(threads + 1);
            var workers = sessions.Select((session, t) => new Thread(() =>
            {
                var mine = new List<double>(ofClass.Count * rounds);
                start.SignalAndWait();
                for (var round = 0; round < rounds; round++)
                {
                    for (var i = 0; i < ofClass.Count; i++)
                    {
                        // Threads start half the list apart so they do not run the same query in lockstep.
                        var query = ofClass[(i + (t * ofClass.Count / threads)) % ofClass.Count];
                        mine.Add(Timed(session, query));
                    }
                }

                foreach (var latency in mine)
                {
                    latencies.Add(latency);
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            start.SignalAndWait();
            var wall = Stopwatch.StartNew();
            workers.ForEach(w => w.Join());
            return LatencyStats.From(latencies, wall.Elapsed.TotalSeconds);
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }
}
