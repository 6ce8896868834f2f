using Search.Core;
using Search.Core.Indexing;

namespace Search.Api.Backend;

/// <summary>Opens the configured index, first building it from the seeds folder when there is none.</summary>
public static class IndexBootstrap
{
    public static ArticleIndex OpenOrBuild(SearchOptions options, ILogger logger)
    {
        var indexPath = Path.GetFullPath(options.IndexPath);
        // A build or restore killed halfway through putting its folder in place is finished first.
        IndexSwap.CompleteInterrupted(indexPath);
        if (!IndexBuilder.IndexExists(indexPath))
        {
            var seeds = string.IsNullOrWhiteSpace(options.SeedsPath) ? null : Path.GetFullPath(options.SeedsPath);
            if (seeds is not null && Directory.Exists(seeds))
            {
                logger.LogInformation("No index at {IndexPath}; building it from {SeedsPath}", indexPath, seeds);
                var result = IndexBuilder.BuildFromFolder(seeds, indexPath, progress: null, CancellationToken.None);
                logger.LogInformation("Indexed {ArticleCount} articles in {ElapsedMs} ms ({ErrorCount} files skipped)",
                    result.Articles, (long)result.Elapsed.TotalMilliseconds, result.Errors.Count);
                foreach (var error in result.Errors)
                {
                    logger.LogWarning("Skipped {File}: {Reason}", error.Path, error.Reason);
                }
            }
            else
            {
                logger.LogWarning("No index at {IndexPath} and no seeds folder at {SeedsPath}; starting with an empty index", indexPath, seeds);
            }
        }

        var index = new ArticleIndex(indexPath);
        if (index.Replayed > 0)
        {
            logger.LogWarning("Recovered {WriteCount} acknowledged writes from the write-ahead log (the server had stopped without a clean shutdown)", index.Replayed);
        }

        if (index.Deferred > 0)
        {
            logger.LogError("The disk is full: {WriteCount} acknowledged writes stay in the write-ahead log and are applied once there is space; until then they are not searchable and writes are refused", index.Deferred);
        }

        foreach (var problem in index.Quarantined)
        {
            logger.LogError("Set aside a logged write that could not be replayed, kept in {QuarantineFile}: {Problem}", index.Path + ".wal.quarantine", problem);
        }

        logger.LogInformation("Serving {ArticleCount} articles from {IndexPath}", index.Count, index.Path);
        return index;
    }
}
