using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

/// <summary>Indexes of 1, 2 or 4 shards holding the same articles, and coordinators over them, deleted when disposed.</summary>
public sealed class ShardedIndexes : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shards-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _owned = [];

    /// <summary>An index of <paramref name="shards"/> shards holding <paramref name="articles"/>, written in batches (several segments).</summary>
    public ShardedArticleIndex Open(int shards, IReadOnlyList<Article> articles)
    {
        var index = Own(new ShardedArticleIndex(Path.Combine(_folder, $"n{shards}-{_owned.Count}"), shards));
        foreach (var batch in articles.Chunk(70))
        {
            foreach (var article in batch)
            {
                index.Upsert(article);
            }

            index.Commit();
        }

        index.Refresh();
        return index;
    }

    /// <summary>One index searched by <see cref="ArticleSearcher"/>: the reference every sharded answer is compared with.</summary>
    public ArticleSearcher OneIndex(IReadOnlyList<Article> articles) => Own(new ArticleSearcher(Open(1, articles).Shards[0], new SearchOptions()));

    /// <summary>The coordinator over in-process shards of <paramref name="index"/>.</summary>
    public ShardedSearcher Coordinator(ShardedArticleIndex index) =>
        Own(new ShardedSearcher(Shards(index, new SearchOptions()), new SearchOptions()));

    /// <summary>The quote search coordinator over in-process shards of <paramref name="index"/>.</summary>
    public ShardedQuoteSearcher QuoteCoordinator(ShardedArticleIndex index, SearchOptions options) =>
        Own(new ShardedQuoteSearcher(Shards(index, options), options));

    private List<IShard> Shards(ShardedArticleIndex index, SearchOptions options) =>
        [.. index.Shards.Select(shard => (IShard)Own(new LocalShard(shard, options)))];

    public T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
