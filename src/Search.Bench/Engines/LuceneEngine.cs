using Search.Bench.Queries;
using Search.Core;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Bench.Engines;

/// <summary>Our product path: <see cref="ArticleIndex"/> to index, <see cref="ArticleSearcher.Search"/> to query.</summary>
public sealed class LuceneEngine(string indexPath) : ISearchEngine
{
    private ArticleIndex? _index;
    private ArticleSearcher? _searcher;

    public string Name => "Lucene.NET (ours)";

    public string IndexPath => indexPath;

    public ArticleSearcher Searcher => _searcher ?? throw new InvalidOperationException("Build the index first.");

    public ArticleIndex Index => _index ?? throw new InvalidOperationException("Build the index first.");

    public long Build(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (Directory.Exists(indexPath))
        {
            Directory.Delete(indexPath, recursive: true);
        }

        _index = new ArticleIndex(indexPath);
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _index.Upsert(article);
        }

        _index.Commit();
        _index.Refresh();
        _searcher = new ArticleSearcher(_index, new SearchOptions { IndexPath = indexPath });
        return DirectorySize(indexPath);
    }

    public IQuerySession OpenSession() => new Session(Searcher);

    public static SearchRequest ToRequest(BenchQuery query) => new()
    {
        Query = query.ToLucene(),
        Outlets = query.Outlet is null ? [] : [query.Outlet],
        Sort = query.SortByDate ? SearchSort.Newest : SearchSort.Relevance,
        Page = query.Page,
        Size = BenchQuery.PageSize,
        // The product default is true; classes that show no sidebar skip the facet work, as a paging client would.
        IncludeFacets = query.WantsFacets,
    };

    /// <summary>Closes the index (and its write lock) so the API process can open it.</summary>
    public void Dispose()
    {
        _searcher?.Dispose();
        _index?.Dispose();
        _searcher = null;
        _index = null;
    }

    private static long DirectorySize(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private sealed class Session(ArticleSearcher searcher) : IQuerySession
    {
        public QueryOutcome Run(BenchQuery query)
        {
            var response = searcher.Search(ToRequest(query), CancellationToken.None);
            return new QueryOutcome([.. response.Hits.Select(h => h.Id)], response.Total, response.Facets.Values.Sum(v => v.Count));
        }

        public void Dispose()
        {
        }
    }
}
