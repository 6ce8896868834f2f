using Search.Bench.Queries;
using Search.Core;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Trending;

namespace Search.Bench.Engines;

/// <summary>Our product path: <see cref="ArticleIndex"/> to index, <see cref="ArticleSearcher.Search(SearchRequest, CancellationToken)"/> to query.</summary>
/// <remarks>
/// Two ways to build: <paramref name="bulk"/> is the product's bulk path (<see cref="ArticleIndex.AddAll"/>, what
/// the indexer and a server's first start use; the counterpart of FTS5's one transaction), otherwise the
/// per-write path (<see cref="ArticleIndex.Upsert"/> per article, as live ingest writes). Both are thread-safe
/// (IndexWriter has a buffer per thread) and use <paramref name="threads"/> threads; SQLite has one writer at a time.
/// </remarks>
public sealed class LuceneEngine(string indexPath, int threads = 1, bool bulk = true) : ISearchEngine
{
    private ArticleIndex? _index;
    private ArticleSearcher? _searcher;

    public string Name => bulk ? "Lucene.NET (ours, bulk AddAll)" : "Lucene.NET (ours, Upsert per article)";

    public int Threads => threads;

    public string IndexPath => indexPath;

    public ArticleSearcher Searcher => _searcher ?? throw new InvalidOperationException("Build the index first.");

    public ArticleIndex Index => _index ?? throw new InvalidOperationException("Build the index first.");

    /// <summary>The searcher's trending terms (its tables are built on first use, or by <see cref="SignificantTermsFinder.Warm"/> as the server's refresh does).</summary>
    public SignificantTermsFinder Trending { get; } = new();

    public long Build(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (Directory.Exists(indexPath))
        {
            Directory.Delete(indexPath, recursive: true);
        }

        // A one-shot build, like the indexer's: one commit at the end, no write-ahead log.
        var index = _index = new ArticleIndex(indexPath, writeAheadLog: false);
        if (bulk)
        {
            index.AddAll(articles, threads, cancellationToken);
            index.Commit();
        }
        else
        {
            Upsert(index, articles, cancellationToken);
        }

        // Merges started by the load are part of its cost (FTS5 merges inline, inside its inserts).
        _index.WaitForMerges();
        _index.Commit();
        _index.Refresh();
        _searcher = new ArticleSearcher(_index, new SearchOptions { IndexPath = indexPath }, trending: Trending);
        return DirectorySize(indexPath);
    }

    private void Upsert(ArticleIndex index, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        // Contiguous ranges keep each thread's segment in corpus order, as one thread would write it.
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, articles.Count, Math.Max(1, articles.Count / (threads * 8))), options, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                index.Upsert(articles[i]);
            }
        });

        index.Commit();
    }

    /// <summary>Opens the index a previous <see cref="Build"/> left on disk.</summary>
    public LuceneEngine OpenExisting()
    {
        _index = new ArticleIndex(indexPath);
        _searcher = new ArticleSearcher(_index, new SearchOptions { IndexPath = indexPath }, trending: Trending);
        return this;
    }

    public IQuerySession OpenSession() => new Session(Searcher);

    public static SearchRequest ToRequest(BenchQuery query) => new()
    {
        Query = query.ToLucene(),
        Outlets = query.Outlet is null ? [] : [query.Outlet],
        Sort = query.SortByDate ? SearchSort.Newest : SearchSort.Relevance,
        Page = query.Page,
        Size = BenchQuery.PageSize,
        // The product's default (facets on) for every class: the work a user of /search gets (#14 compares it).
        IncludeFacets = true,
    };

    /// <summary>Closes the index (and its write lock) so the API process can open it.</summary>
    public void Dispose()
    {
        _searcher?.Dispose();
        _index?.Dispose();
        Trending.Dispose();
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
