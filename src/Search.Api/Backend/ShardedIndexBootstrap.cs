using Search.Core;
using Search.Core.Engine;
using Search.Core.Indexing;

namespace Search.Api.Backend;

/// <summary>
/// Opens the index as shards (one shard: the index folder itself, <see cref="IndexBootstrap"/>), first building it from the seeds folder when there is none: the seeds are indexed as one
/// index would index them (<see cref="IndexBuilder"/>, so speaker names resolve over all of them), then each
/// article is bulk-loaded into the shard owning its id. The shards then hold exactly the articles one index would.
/// </summary>
public static class ShardedIndexBootstrap
{
    public static ShardedArticleIndex OpenOrBuild(SearchOptions options, ILogger logger)
    {
        if (options.Shards == 1)
        {
            // One shard is one index, in the index folder itself.
            return new ShardedArticleIndex(IndexBootstrap.OpenOrBuild(options, logger));
        }

        var indexPath = Path.GetFullPath(options.IndexPath);
        var fresh = !File.Exists(Path.Combine(indexPath, ShardedArticleIndex.ShardCountFile));
        var index = new ShardedArticleIndex(indexPath, options.Shards);
        var seeds = string.IsNullOrWhiteSpace(options.SeedsPath) ? null : Path.GetFullPath(options.SeedsPath);
        if (fresh && index.Count == 0 && seeds is not null && Directory.Exists(seeds))
        {
            logger.LogInformation("No sharded index at {IndexPath}; building {ShardCount} shards from {SeedsPath}", indexPath, options.Shards, seeds);
            var staging = indexPath.TrimEnd(Path.DirectorySeparatorChar) + ".seeds-" + Guid.NewGuid().ToString("N")[..8];
            try
            {
                IndexBuilder.BuildFromFolder(seeds, staging, progress: null, CancellationToken.None);
                using var single = new ArticleIndex(staging, writeAheadLog: false);
                index.AddAll(AllArticles(single), Environment.ProcessorCount, CancellationToken.None);
                index.Commit();
                index.Refresh();
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }

        logger.LogInformation("Serving {ArticleCount} articles from {ShardCount} shards under {IndexPath}", index.Count, options.Shards, indexPath);
        return index;
    }

    /// <summary>Every live article of <paramref name="index"/>, read back from its stored fields.</summary>
    public static List<Search.Core.Articles.Article> AllArticles(ArticleIndex index)
    {
        using var lease = index.AcquireSearcher();
        var reader = lease.Searcher.IndexReader;
        var liveDocs = Lucene.Net.Index.MultiFields.GetLiveDocs(reader);
        var articles = new List<Search.Core.Articles.Article>(reader.NumDocs);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (liveDocs is null || liveDocs.Get(doc))
            {
                articles.Add(StoredArticles.ReadArticle(reader, doc));
            }
        }

        return articles;
    }
}
