using Search.Bench.Queries;
using Search.Core.Articles;

namespace Search.Bench.Engines;

/// <summary>
/// The second peer: Xapian 1.4 through Debian's python3-xapian, one <c>xapian_peer.py</c> child process per
/// session. Same analysis as ours (Porter stemmer, no stop words, title words counted twice), same work per
/// class: every match counted exactly, the page's ids and titles loaded, outlet and month counted over all
/// matches for the facet class. Latency is the peer's own time per query, so the pipe is not charged to Xapian.
/// </summary>
public sealed class XapianEngine(string databasePath) : ISearchEngine
{
    public string Name => "Xapian (python3-xapian)";

    /// <summary>CPU seconds the peer process used for the last build (its own, not the bench's).</summary>
    public double LastBuildCpuSeconds { get; private set; }

    public long Build(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        using var peer = XapianPeer.Start();
        peer.Send(XapianProtocol.Build(databasePath));
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            peer.Send(XapianProtocol.Article(article));
        }

        var answer = XapianProtocol.Answer(peer.Ask(""));
        LastBuildCpuSeconds = XapianProtocol.Required(answer, "cpu").GetValue<double>();
        return new DirectoryInfo(databasePath).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
    }

    /// <summary>True when a previous run left a Xapian index of <paramref name="articles"/> documents at the path.</summary>
    public bool HasIndexOf(int articles)
    {
        if (!Directory.Exists(databasePath))
        {
            return false;
        }

        using var peer = XapianPeer.Start();
        var answer = XapianProtocol.Answer(peer.Ask(XapianProtocol.Open(databasePath)));
        return XapianProtocol.Required(answer, "docs").GetValue<int>() == articles;
    }

    public IQuerySession OpenSession()
    {
        var peer = XapianPeer.Start();
        try
        {
            XapianProtocol.Answer(peer.Ask(XapianProtocol.Open(databasePath)));
            return new Session(peer);
        }
        catch
        {
            peer.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
    }

    private sealed class Session(XapianPeer peer) : IQuerySession
    {
        public QueryOutcome Run(BenchQuery query) => XapianProtocol.Outcome(peer.Ask(XapianProtocol.Query(query)));

        public void Dispose() => peer.Dispose();
    }
}
