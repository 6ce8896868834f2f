using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Indexing;

/// <summary>A build or restore killed while it puts its folder in place is finished at the next start (#13).</summary>
public sealed class IndexSwapTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "swap-tests-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(IndexSwap.Journaled)]
    [InlineData(IndexSwap.OldMovedAside)]
    [InlineData(IndexSwap.NewMovedIn)]
    [InlineData(IndexSwap.LogDeleted)]
    public void SwapKilledAtAnyStepIsRolledForward(int killedAfter)
    {
        var target = Path.Combine(_folder, "index");
        var building = Path.Combine(_folder, "building");
        MakeIndex(target, "old-article");
        MakeIndex(building, "new-article");
        File.WriteAllText(target + ".wal", "the old index's log");

        Assert.Throws<SimulatedKill>(() => IndexSwap.Run(building, target, step =>
        {
            if (step == killedAfter)
            {
                throw new SimulatedKill();
            }
        }));
        IndexSwap.CompleteInterrupted(target);

        Assert.True(Holds(target, "new-article"));
        Assert.False(Holds(target, "old-article"));
        Assert.False(File.Exists(target + ".wal"));
        Assert.False(File.Exists(target + ".swap"));
    }

    [Fact]
    public void JournalCutShortLeavesTheLiveIndexAlone()
    {
        var target = Path.Combine(_folder, "index");
        MakeIndex(target, "old-article");
        File.WriteAllText(target + ".swap", "/only/one/line");
        IndexSwap.CompleteInterrupted(target);
        Assert.True(Holds(target, "old-article"));
        Assert.False(File.Exists(target + ".swap"));
    }

    private static void MakeIndex(string path, string id)
    {
        using var index = new ArticleIndex(path, writeAheadLog: false);
        index.Upsert(Article(id, "Body of " + id + "."));
        index.Commit();
    }

    private static bool Holds(string path, string id)
    {
        using var index = new ArticleIndex(path, writeAheadLog: false);
        using var lease = index.AcquireSearcher();
        return lease.Searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1).TotalHits > 0;
    }

    private sealed class SimulatedKill : Exception;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
