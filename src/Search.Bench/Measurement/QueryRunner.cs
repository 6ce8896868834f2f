using System.Collections.Concurrent;
using System.Diagnostics;
using Search.Bench.Engines;
using Search.Bench.Queries;

namespace Search.Bench.Measurement;

/// <summary>Latencies of one query class on one engine, on one thread and on two.</summary>
public sealed record ClassTiming(QueryClass Class, LatencyStats OneThread, LatencyStats TwoThreads)
{
    /// <summary>CPU time per query of the 1-thread passes (the querying thread's own; the peer's for Xapian).</summary>
    public LatencyStats? OneThreadCpu { get; init; }
}

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

            var cpu = new ConcurrentBag<double>();
            timings.Add(new ClassTiming(queryClass, Run(engine, ofClass, threads: 1, cpu), Run(engine, ofClass, threads: 2, null))
            {
                OneThreadCpu = LatencyStats.From(cpu, 0),
            });
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
            latencies.Add(Timed(session, query).WallMs);
        }

        return latencies;
    }

    /// <summary>
    /// Milliseconds of one query, wall and CPU: the engine's own figures when it reports them (another process),
    /// else wall time and this thread's CPU time here.
    /// </summary>
    private static (double WallMs, double CpuMs) Timed(IQuerySession session, BenchQuery query)
    {
        var cpu = ThreadCpuClock.NowMs();
        var began = Stopwatch.GetTimestamp();
        var outcome = session.Run(query);
        var elapsed = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
        cpu = ThreadCpuClock.NowMs() - cpu;
        return (outcome.EngineMs ?? elapsed, outcome.EngineCpuMs ?? cpu);
    }

    private LatencyStats Run(ISearchEngine engine, List<BenchQuery> ofClass, int threads, ConcurrentBag<double>? cpuTimes)
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
                        var (wallMs, cpuMs) = Timed(session, query);
                        mine.Add(wallMs);
                        if (!double.IsNaN(cpuMs))
                        {
                            cpuTimes?.Add(cpuMs);
                        }
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
