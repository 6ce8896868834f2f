using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests;

/// <summary>A small index in a temp folder, built from inline articles, deleted on dispose.</summary>
public sealed class TestIndex : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "search-tests-" + Guid.NewGuid().ToString("N"));

    public TestIndex(params Article[] articles)
    {
        Index = new ArticleIndex(_folder);
        Options = new SearchOptions { IndexPath = _folder };
        Searcher = new ArticleSearcher(Index, Options);
        Add(articles);
    }

    public ArticleIndex Index { get; }

    public SearchOptions Options { get; }

    public ArticleSearcher Searcher { get; }

    /// <summary>Adds articles and commits, so each call makes at least one new segment.</summary>
    public void Add(params Article[] articles)
    {
        foreach (var article in articles)
        {
            Index.Upsert(article);
        }

        Index.Commit();
        Index.Refresh();
    }

    public SearchResponse Search(string? query, Func<SearchRequest, SearchRequest>? configure = null)
    {
        var request = new SearchRequest { Query = query };
        return Searcher.Search(configure is null ? request : configure(request), CancellationToken.None);
    }

    public IReadOnlyList<string> Ids(string? query, Func<SearchRequest, SearchRequest>? configure = null) =>
        Search(query, configure).Hits.Select(h => h.Id).ToList();

    public static Article Article(
        string id,
        string body,
        string? title = null,
        string? outlet = null,
        string[]? speakers = null,
        DateOnly? published = null,
        Quote[]? quotes = null) =>
        new(id, null, title, body, outlet, [], speakers ?? [], quotes ?? [], published);

    public void Dispose()
    {
        Searcher.Dispose();
        Index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
