using Search.Core.Articles;

namespace Search.Bench.Relevance;

/// <summary>A ranking system under evaluation: indexes a collection, then ranks documents for a query.</summary>
public interface IRanker : IDisposable
{
    string Name { get; }

    void Build(IReadOnlyList<Article> documents);

    /// <summary>Up to <paramref name="depth"/> document ids, best first.</summary>
    IReadOnlyList<string> Rank(string queryText, int depth);
}
