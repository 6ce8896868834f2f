using System.Text;
using Search.Core.Indexing;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Indexing;

/// <summary>The log's framing: damaged and torn records never cost the whole records after them (#13).</summary>
public sealed class WriteAheadLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wal-tests-" + Guid.NewGuid().ToString("N"));

    public WriteAheadLogTests() => Directory.CreateDirectory(_folder);

    private string LogPath => Path.Combine(_folder, "index.wal");

    [Fact]
    public void FragmentGluedBeforeARecordCostsOnlyTheFragment()
    {
        using (var log = new WriteAheadLog(LogPath))
        {
            log.Append(Upsert(1, "one"));
            log.Sync();
        }

        // What an append that failed halfway used to leave: a partial record with no line end.
        File.AppendAllText(LogPath, "#812 0badc0de {\"seq\":2,\"op\":\"upsert\",\"arti");
        using (var log = new WriteAheadLog(LogPath))
        {
            log.Append(Upsert(3, "three"));
            log.Append(Upsert(4, "four"));
            log.Sync();
        }

        using var reopened = new WriteAheadLog(LogPath);
        Assert.Equal([1L, 4L], reopened.ReadAll().Select(e => e.Seq).Order());
        Assert.Single(reopened.Problems);
        Assert.True(File.Exists(reopened.QuarantinePath));
    }

    [Fact]
    public void DamagedRecordInTheMiddleIsQuarantinedAndTheRestReplayed()
    {
        using (var log = new WriteAheadLog(LogPath))
        {
            log.Append(Upsert(1, "one"));
            log.Append(Upsert(2, "two"));
            log.Append(Upsert(3, "three"));
            log.Sync();
        }

        var lines = File.ReadAllLines(LogPath);
        lines[1] = lines[1].Replace("two", "twx", StringComparison.Ordinal);
        File.WriteAllLines(LogPath, lines);
        using var reopened = new WriteAheadLog(LogPath);
        Assert.Equal([1L, 3L], reopened.ReadAll().Select(e => e.Seq));
        Assert.Contains("checksum", Assert.Single(reopened.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void TornLastRecordIsIgnoredQuietly()
    {
        using (var log = new WriteAheadLog(LogPath))
        {
            log.Append(Upsert(1, "one"));
            log.Sync();
        }

        File.AppendAllText(LogPath, "#500 12345678 {\"seq\":2");
        using var reopened = new WriteAheadLog(LogPath);
        Assert.Equal([1L], reopened.ReadAll().Select(e => e.Seq));
        Assert.Empty(reopened.Problems);
    }

    [Fact]
    public void PlainJsonLinesOfEarlierVersionsAreStillRead()
    {
        File.WriteAllText(LogPath, "{\"seq\":7,\"op\":\"delete\",\"article\":null,\"id\":\"gone\"}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var log = new WriteAheadLog(LogPath);
        var entry = Assert.Single(log.ReadAll());
        Assert.Equal(("delete", "gone"), (entry.Op, entry.Id));
    }

    [Fact]
    public void LoggedWriteLuceneCannotIndexIsQuarantinedAndStartGoesOn()
    {
        var indexPath = Path.Combine(_folder, "index");
        using (var log = new WriteAheadLog(indexPath + ".wal"))
        {
            log.Append(Upsert(1, "before"));
            // A version without the term-length check logged this; Lucene refuses outlets over 32,766 bytes.
            log.Append(new WalEntry(2, WriteAheadLog.Upsert, Article("poison", "text", outlet: new string('o', 40_000)), null));
            log.Append(Upsert(3, "after"));
            log.Sync();
        }

        using var index = new ArticleIndex(indexPath);
        Assert.Equal(2, index.Replayed);
        Assert.Contains("outlet", Assert.Single(index.Quarantined), StringComparison.Ordinal);
        Assert.True(Exists(index, "before"));
        Assert.True(Exists(index, "after"));
        Assert.False(Exists(index, "poison"));
    }

    private static bool Exists(ArticleIndex index, string id)
    {
        using var lease = index.AcquireSearcher();
        return lease.Searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(ArticleFields.Id, id)), 1).TotalHits > 0;
    }

    private static WalEntry Upsert(long seq, string id) => new(seq, WriteAheadLog.Upsert, Article(id, "Body of " + id + "."), null);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
