using Search.Core.Articles;
using Search.Core.Engine;

namespace Search.Bench.Sharding;

/// <summary>
/// Builds a corpus as N shards on the bulk path (2 threads), the way the sharding benches all need it: committed,
/// merges finished and committed again, so what is timed afterwards does not compete with background merges.
/// </summary>
public static class ShardedBuild
{
    /// <summary>A fresh build at <paramref name="path"/> (whatever was there is deleted).</summary>
    public static void Build(string path, int shards, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        using var build = new ShardedArticleIndex(path, shards, writeAheadLog: false);
        build.AddAll(articles, Environment.ProcessorCount, cancellationToken);
        build.Commit();
        build.WaitForMerges();
        build.Commit();
    }

    /// <summary>Keeps the index a previous run left at <paramref name="path"/> when it holds as many articles; builds it otherwise.</summary>
    public static void BuildUnlessHeld(string path, int shards, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            using var existing = new ShardedArticleIndex(path, shards, writeAheadLog: false);
            if (existing.Shards.Sum(s => s.Count) == articles.Count)
            {
                return;
            }
        }

        Build(path, shards, articles, cancellationToken);
    }
}
