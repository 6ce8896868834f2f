using Search.Bench.Queries;
using Search.Core.Articles;

namespace Search.Bench.Engines;

/// <summary>An engine under test: builds its index from articles, then answers benchmark queries.</summary>
public interface ISearchEngine : IDisposable
{
    string Name { get; }

    /// <summary>Indexes every article and makes it durable; returns the index size on disk in bytes.</summary>
    long Build(IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    /// <summary>A session for one thread (SQLite connections are not shared between threads).</summary>
    IQuerySession OpenSession();
}

/// <summary>Runs queries on one thread.</summary>
public interface IQuerySession : IDisposable
{
    QueryOutcome Run(BenchQuery query);
}

/// <summary>The page's ids in order, how many articles matched, and how many facet values came back.</summary>
public sealed record QueryOutcome(IReadOnlyList<string> Ids, int Total, int FacetValues)
{
    /// <summary>
    /// The engine's own time for the query, when it runs in another process (the Xapian peer): timed there, so
    /// the pipe between the processes is not charged to it. Null for in-process engines, timed by the runner.
    /// </summary>
    public double? EngineMs { get; init; }

    /// <summary>The engine's own CPU time for the query (its querying thread), when it runs in another process.</summary>
    public double? EngineCpuMs { get; init; }
}
