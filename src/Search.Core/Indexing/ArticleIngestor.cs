using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// The write path shared by the API and the tools: raw article → extraction (given fields win) →
/// <see cref="ArticleIndex.Upsert"/> → durable (write-ahead log fsynced). A write returns only once it is durable,
/// so an acknowledged article survives a crash; concurrent writers share fsyncs (group commit). It also tells
/// whether a write created or updated its article, and hands each durable write to the
/// <see cref="IArticleWriteObserver"/>s (alerts, derived indexes) with its log sequence number.
/// </summary>
public sealed class ArticleIngestor(ArticleIndex index, IEnumerable<IArticleWriteObserver>? observers = null)
{
    private const int MaxRecent = 50_000;

    private readonly IArticleWriteObserver[] _observers = [.. observers ?? []];

    // Ids written since the searcher last caught up: whether each exists now. Lets a write say
    // "created" or "updated" without forcing a reopen; trimmed when it grows (see Remember).
    private readonly ConcurrentDictionary<string, bool> _recent = new(StringComparer.Ordinal);

    /// <summary>Extracts and stores one article, returning once it is durable.</summary>
    /// <exception cref="ArticleWriteException">The article is invalid.</exception>
    /// <exception cref="IOException">The write-ahead log could not be written or synced: nothing is acknowledged.</exception>
    public (Article Article, IngestOutcome Outcome) Write(RawArticle raw, bool waitUntilVisible)
    {
        var article = Extract(raw);
        var result = WriteBatch([new ShardWriteItem(article, raw.Speakers is not null)])[0];
        var outcome = result.Outcome ?? throw result.ToException();

        if (waitUntilVisible)
        {
            index.Refresh();
        }

        return (article, outcome);
    }

    /// <summary>
    /// The write path, on every layout (#22): every item staged (logged and applied) in order, then one fsync for the
    /// batch, then the durable writes handed to the observers (alerts) before anyone is answered. An item that fails
    /// alone (bad article, log append on a full disk) reports why and the others go on; a failed fsync
    /// un-acknowledges every staged item, and the observers hear of none.
    /// </summary>
    public ShardWriteResult[] WriteBatch(IReadOnlyList<ShardWriteItem> items)
    {
        var results = new ShardWriteResult[items.Count];
        var staged = new List<StagedWrite>(items.Count);
        long last = 0;
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                var (article, outcome, sequence) = Stage(items[i].Article, items[i].SpeakersGiven);
                last = Math.Max(last, sequence);
                staged.Add(new StagedWrite(article, outcome, sequence));
                results[i] = new ShardWriteResult(outcome);
            }
            catch (ArticleWriteException ex)
            {
                results[i] = new ShardWriteResult(null, ex.Field, ex.Message);
            }
            catch (IOException ex)
            {
                // Disk full and the like: this item is not stored; items before it in the batch still are, and are reported.
                results[i] = new ShardWriteResult(null, null, "Not stored: the write-ahead log could not be written (" + ex.Message + ").", StorageFailed: true);
            }
        }

        if (last > 0)
        {
            try
            {
                index.WaitDurable(last);
            }
            catch (IOException ex)
            {
                Unacknowledge(results, ex);
                return results;
            }

            Acknowledge(staged);
        }

        return results;
    }

    /// <summary>Not durable, so not acknowledged: every staged item of the batch says so.</summary>
    private static void Unacknowledge(ShardWriteResult[] results, IOException ex)
    {
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Outcome is not null)
            {
                results[i] = new ShardWriteResult(null, null, "Not stored: the write-ahead log could not be synced (" + ex.Message + ").", StorageFailed: true);
            }
        }
    }

    /// <summary>
    /// Extracts and stores one article without waiting for durability: the caller makes a batch durable with
    /// <see cref="ArticleIndex.WaitDurable"/>, then passes it to <see cref="Acknowledge"/>, before acknowledging any of it.
    /// </summary>
    public (Article Article, IngestOutcome Outcome, long Sequence) Stage(RawArticle raw) => Stage(raw, Extract(raw));

    /// <summary>
    /// The pure half of <see cref="Stage(RawArticle)"/>: checks the raw article and extracts it. It touches no
    /// index state, so a bulk load runs it on every core and then stages the results in input order.
    /// </summary>
    /// <exception cref="ArticleWriteException">The raw article is invalid (bad id, text too long).</exception>
    public static Article Extract(RawArticle raw)
    {
        RawArticleValidator.Validate(raw);
        return ArticleParser.Parse(raw);
    }

    /// <summary>
    /// Stores an article <see cref="Extract"/> made from <paramref name="raw"/>, without waiting for durability.
    /// Calls for one id must come in input order: the later one wins and reports "updated".
    /// </summary>
    public (Article Article, IngestOutcome Outcome, long Sequence) Stage(RawArticle raw, Article extracted) =>
        Stage(extracted, speakersGiven: raw.Speakers is not null);

    /// <summary>
    /// <see cref="Stage(RawArticle, Article)"/> for an article extracted elsewhere (a shard's coordinator), told only
    /// whether the client gave the speakers (then they are kept as given).
    /// </summary>
    public (Article Article, IngestOutcome Outcome, long Sequence) Stage(Article extracted, bool speakersGiven)
    {
        // The article is stored as extracted: its names never depend on what the index already holds, so the same
        // article is stored alike in any ingest order and on any shard. One person, one facet value across the corpus
        // is the read-time SpeakerAliases' job (#22).
        _ = speakersGiven;
        var article = extracted;
        if (ArticleDocumentMapper.FindOversizedValue(article) is { } oversized)
        {
            throw new ArticleWriteException(oversized.Field,
                $"The article's {oversized.Field} value is {oversized.Bytes} bytes of UTF-8; Lucene indexes at most {Lucene.Net.Index.IndexWriter.MAX_TERM_LENGTH}.");
        }

        var outcome = Contains(article.Id) ? IngestOutcome.Updated : IngestOutcome.Created;
        var sequence = index.Upsert(article);
        Remember(article.Id, exists: true);
        return (article, outcome, sequence);
    }

    /// <summary>Tells the observers about writes that are now durable, in the order given.</summary>
    public void Acknowledge(IReadOnlyList<StagedWrite> durable)
    {
        foreach (var observer in _observers)
        {
            foreach (var write in durable)
            {
                observer.OnDurable(write.Article, write.Outcome, write.Sequence);
            }

            observer.OnBatchDurable();
        }
    }

    /// <summary>Deletes durably; false when no article has the id.</summary>
    public bool Delete(string id, bool waitUntilVisible)
    {
        if (!Contains(id))
        {
            return false;
        }

        var sequence = index.Delete(id);
        Remember(id, exists: false);
        index.WaitDurable(sequence);
        foreach (var observer in _observers)
        {
            observer.OnDeleted(id, sequence);
            observer.OnBatchDurable();
        }

        if (waitUntilVisible)
        {
            index.Refresh();
        }

        return true;
    }

    /// <summary>True when an article with this id exists, counting writes not yet visible to searches.</summary>
    private bool Contains(string id)
    {
        if (_recent.TryGetValue(id, out var exists))
        {
            return exists;
        }

        using var lease = index.AcquireSearcher();
        return lease.Searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1).TotalHits > 0;
    }

    private void Remember(string id, bool exists)
    {
        if (_recent.Count >= MaxRecent)
        {
            // Make everything written so far visible, then forget it: searches know it now.
            index.Refresh();
            _recent.Clear();
        }

        _recent[id] = exists;
    }
}
