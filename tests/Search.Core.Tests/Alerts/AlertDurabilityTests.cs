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

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
