using Search.Core.Alerts;
using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Tests.Alerts;

/// <summary>Saved alerts and their matches survive reopening, deletes stick, and a torn log tail is dropped.</summary>
public sealed class AlertDurabilityTests : IDisposable
{
    private readonly TestIndex _index = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alerts-tests-" + Guid.NewGuid().ToString("N"));

    private AlertService Open() =>
        new(_index.Index, SynonymExpander.Empty, _index.Options, new AlertOptions { Path = _folder });

    [Fact]
    public void AlertsAndDurableMatchesAreThereAfterReopening()
    {
        string kept, deleted;
        using (var alerts = Open())
        {
            kept = alerts.Create(new AlertRequest("harbour", null, null, null, "Harbour")).Id;
            deleted = alerts.Create(new AlertRequest("harbour", null, null, null, "Gone")).Id;
            alerts.OnDurable(TestIndex.Article("a1", "The harbour reopened."), IngestOutcome.Created, 1);
            alerts.OnBatchDurable();
            Assert.True(alerts.Delete(deleted));
        }

        using (var reopened = Open())
        {
            Assert.Equal([kept], reopened.List().Select(a => a.Id));
            var match = Assert.Single(reopened.Matches.Read(kept, 0, 10));
            Assert.Equal("a1", match.ArticleId);
            Assert.Equal(1, match.WriteSequence);
            Assert.Empty(reopened.Matches.Read(deleted, 0, 10));

            // Matching goes on after a restart, with cursors that keep increasing.
            reopened.OnDurable(TestIndex.Article("a2", "Another harbour story."), IngestOutcome.Created, 2);
            reopened.OnBatchDurable();
            var matches = reopened.Matches.Read(kept, 0, 10);
            Assert.Equal(["a1", "a2"], matches.Select(m => m.ArticleId));
            Assert.True(matches[1].Cursor > matches[0].Cursor);
        }
    }

    [Fact]
    public void MatchesAreNotReadableBeforeTheyAreDurable()
    {
        using var alerts = Open();
        var id = alerts.Create(new AlertRequest("harbour", null, null, null, null)).Id;
        alerts.OnDurable(TestIndex.Article("a1", "The harbour reopened."), IngestOutcome.Created, 1);
        Assert.Empty(alerts.Matches.Read(id, 0, 10));
        alerts.OnBatchDurable();
        Assert.Single(alerts.Matches.Read(id, 0, 10));
    }

    [Fact]
    public void TornLastLinesOfBothLogsAreDroppedAndAppendsGoOn()
    {
        string id;
        using (var alerts = Open())
        {
            id = alerts.Create(new AlertRequest("harbour", null, null, null, null)).Id;
            alerts.OnDurable(TestIndex.Article("a1", "The harbour reopened."), IngestOutcome.Created, 1);
            alerts.OnBatchDurable();
        }

        File.AppendAllText(Path.Combine(_folder, "matches.jsonl"), "{\"cursor\":2,\"alertId\":\"");
        File.AppendAllText(Path.Combine(_folder, "alerts.jsonl"), "{\"op\":\"add\",\"alert\":{\"id\":");
        using (var reopened = Open())
        {
            Assert.Single(reopened.List());
            reopened.OnDurable(TestIndex.Article("a2", "Harbour news."), IngestOutcome.Created, 2);
            reopened.OnBatchDurable();
        }

        using var again = Open();
        Assert.Equal(["a1", "a2"], again.Matches.Read(id, 0, 10).Select(m => m.ArticleId));
    }

    [Fact]
    public void AWriteDurableInTheLogButNotYetMatchedWhenTheServerDiedIsMatchedAtStart()
    {
        var live = _folder + "-index";
        var crashed = _folder + "-crashed";
        string id;
        using (var index = new ArticleIndex(live))
        using (var alerts = new AlertService(index, SynonymExpander.Empty, _index.Options, new AlertOptions { Path = live + ".alerts" }))
        {
            id = alerts.Create(new AlertRequest("harbour", null, null, null, null)).Id;
            var first = TestIndex.Article("a1", "The harbour reopened.");
            var sequence = index.Upsert(first);
            index.WaitDurable(sequence);
            alerts.OnDurable(first, IngestOutcome.Created, sequence);
            alerts.OnBatchDurable();

            // Durable in the write-ahead log, then the process dies before the alerts see it: copy everything as it is now.
            index.WaitDurable(index.Upsert(TestIndex.Article("a2", "Harbour cranes stood idle.")));
            CopyFiles(live, crashed);
            CopyFiles(live + ".alerts", crashed + ".alerts");
            File.Copy(live + ".wal", crashed + ".wal");
        }

        using (var recovered = new ArticleIndex(crashed))
        using (var reopened = new AlertService(recovered, SynonymExpander.Empty, _index.Options, new AlertOptions { Path = crashed + ".alerts" }))
        {
            // a2 is matched now; a1, replayed too, is not recorded twice.
            Assert.Equal(["a1", "a2"], reopened.Matches.Read(id, 0, 10).Select(m => m.ArticleId));
        }

        foreach (var path in new[] { live, crashed })
        {
            Directory.Delete(path, recursive: true);
            Directory.Delete(path + ".alerts", recursive: true);
            File.Delete(path + ".wal");
        }
    }

    private static void CopyFiles(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    public void Dispose()
    {
        _index.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
