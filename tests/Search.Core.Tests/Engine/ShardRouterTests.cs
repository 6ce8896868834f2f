using Search.Core.Engine;

namespace Search.Core.Tests.Engine;

public sealed class ShardRouterTests
{
    [Fact]
    public void AnIdGoesToTheSameShardFromEveryRouter()
    {
        var ids = Enumerable.Range(0, 500).Select(i => $"id-{i}-ü").ToList();
        Assert.Equal(ids.Select(new ShardRouter(4).ShardOf), ids.Select(new ShardRouter(4).ShardOf));
    }

    [Fact]
    public void IdsSpreadOverEveryShard()
    {
        var router = new ShardRouter(4);
        var counts = Enumerable.Range(0, 4000).GroupBy(i => router.ShardOf("article-" + i)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, count => Assert.InRange(count, 800, 1200));
    }

    [Fact]
    public void HashIsFnv1aOfTheUtf8Bytes()
    {
        // Published FNV-1a 64 test vectors: "" and "a".
        Assert.Equal(0xcbf29ce484222325UL, ShardRouter.Hash(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, ShardRouter.Hash("a"));
    }

    [Fact]
    public void OneShardKeepsTheSingleIndexLayoutAndAnotherCountIsRefused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "shards-layout-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (new ShardedArticleIndex(Path.Combine(folder, "one"), 1))
            {
                Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(folder, "one"), "segments*"));
            }

            using (new ShardedArticleIndex(Path.Combine(folder, "four"), 4))
            {
                Assert.True(Directory.Exists(Path.Combine(folder, "four", "shard-03")));
            }

            Assert.Throws<InvalidOperationException>(() => new ShardedArticleIndex(Path.Combine(folder, "four"), 2));
            Assert.Throws<InvalidOperationException>(() => new ShardedArticleIndex(Path.Combine(folder, "one"), 4));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
