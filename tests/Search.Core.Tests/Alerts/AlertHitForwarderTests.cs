using Search.Core.Alerts;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Tests.Alerts;

/// <summary>
/// A shard grain's alert matching (#22): the shard's copy of the alerts follows the book's version, and a write is
/// acknowledged only once its own matches are durable in the book, even when another write's flush carried them.
/// </summary>
public sealed class AlertHitForwarderTests : IDisposable
{
    private readonly TestIndex _index = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alert-book-" + Guid.NewGuid().ToString("N"));
    private readonly AlertBook _book;
    private readonly AlertFollower _follower;

    public AlertHitForwarderTests()
    {
        _book = new AlertBook(_folder, SynonymExpander.Empty, _index.Options, new AlertOptions());
        _follower = new AlertFollower([_index.Index], SynonymExpander.Empty, _index.Options.MaxPhraseSlop);
    }

    private static Article Article(string id, string body) => new(id, null, "Title", body, "Outlet", [], [], [], null);

    [Fact]
    public void TheFollowerTakesSavesAndDeletesOnlyWhenTheVersionChanged()
    {
        var tide = _book.CreateAll([new AlertRequest("tide", null, null, null, "Tides")])[0];
        Assert.Equal(0, _follower.Count);
        _follower.Update(_book.AlertsSince(_follower.Version));
        Assert.Null(_book.AlertsSince(_follower.Version));
        Assert.Equal([tide.Id], _follower.Match(Article("a", "The tide came in.")));

        var moon = _book.CreateAll([new AlertRequest("moon", null, null, null, "Moons")])[0];
        Assert.True(_book.Delete(tide.Id));
        _follower.Update(_book.AlertsSince(_follower.Version));
        Assert.Equal([moon.Id], _follower.Match(Article("b", "The tide and the moon.")));
    }

    [Fact]
    public async Task AWriteWaitsForItsOwnMatchesEvenWhenAnotherFlushCarriesThem()
    {
        var alert = _book.CreateAll([new AlertRequest("harbour", null, null, null, "Harbours")])[0];
        _follower.Update(_book.AlertsSince(null));
        var release = new TaskCompletionSource();
        var calls = 0;
        using var forwarder = new AlertHitForwarder(_follower, shard: 2, async hits =>
        {
            // The first flush is slow: a second write must not be acknowledged before it lands.
            if (Interlocked.Increment(ref calls) == 1)
            {
                await release.Task;
            }

            _book.Record(hits);
        });

        forwarder.OnDurable(Article("first", "A harbour crane."), IngestOutcome.Created, 1);
        var first = forwarder.FlushAsync();
        forwarder.OnDurable(Article("second", "The harbour at night."), IngestOutcome.Created, 2);
        var second = forwarder.FlushAsync();
        await Task.Delay(50);
        Assert.False(second.IsCompleted, "the second write was acknowledged before any match was durable");

        release.SetResult();
        await Task.WhenAll(first, second);
        var matches = _book.Matches.Read(alert.Id, 0, 10);
        Assert.Equal(["first", "second"], matches.Select(m => m.ArticleId));
        Assert.All(matches, m => Assert.Equal(2, m.Shard));
    }

    [Fact]
    public async Task MatchesAFailedFlushCouldNotRecordGoWithTheNextOne()
    {
        var alert = _book.CreateAll([new AlertRequest("lighthouse", null, null, null, "Lighthouses")])[0];
        _follower.Update(_book.AlertsSince(null));
        var fail = true;
        using var forwarder = new AlertHitForwarder(_follower, shard: 0, hits =>
        {
            if (fail)
            {
                throw new IOException("the alert store is away");
            }

            _book.Record(hits);
            return Task.CompletedTask;
        });

        forwarder.OnDurable(Article("kept", "An old lighthouse."), IngestOutcome.Created, 7);
        await Assert.ThrowsAsync<IOException>(forwarder.FlushAsync);
        fail = false;
        await forwarder.FlushAsync();
        Assert.Equal(["kept"], _book.Matches.Read(alert.Id, 0, 10).Select(m => m.ArticleId));
    }

    [Fact]
    public void ReplayedWritesRecordOnlyTheMatchesNotOnFile()
    {
        var alert = _book.CreateAll([new AlertRequest("glacier", null, null, null, "Glaciers")])[0];
        _follower.Update(_book.AlertsSince(null));
        var article = Article("g", "A glacier retreats.");
        _book.Record([AlertHit.Of([alert.Id], article, 5, 1)]);
        var replayed = new[] { new WalEntry(5, WriteAheadLog.Upsert, article, null), new WalEntry(6, WriteAheadLog.Upsert, article with { Id = "h" }, null) };
        _book.RecordMissing(1, _follower.MatchReplayed(replayed, 1));
        Assert.Equal(["g", "h"], _book.Matches.Read(alert.Id, 0, 10).Select(m => m.ArticleId));
    }

    public void Dispose()
    {
        _follower.Dispose();
        _book.Dispose();
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
