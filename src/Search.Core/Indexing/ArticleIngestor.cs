using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Articles;

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
    public (Article Article, IngestOutcome Outcome) Write(RawArticle raw, bool waitUntilVisible)
    {
        var (article, outcome, sequence) = Stage(raw);
        index.WaitDurable(sequence);
        Acknowledge([new StagedWrite(article, outcome, sequence)]);
        if (waitUntilVisible)
        {
            index.Refresh();
        }

        return (article, outcome);
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
