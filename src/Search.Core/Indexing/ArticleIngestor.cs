using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// The write path shared by the API and the tools: raw article → extraction (given fields win) →
/// <see cref="ArticleIndex.Upsert"/> → durable (write-ahead log fsynced). A write returns only once it is durable,
/// so an acknowledged article survives a crash; concurrent writers share fsyncs (group commit).
/// </summary>
public sealed class ArticleIngestor(ArticleIndex index)
{
    /// <summary>Largest article text accepted, in characters.</summary>
    public const int MaxTextLength = 2_000_000;

    /// <summary>Extracts and stores one article, returning once it is durable.</summary>
    public (Article Article, IngestOutcome Outcome) Write(RawArticle raw, bool waitUntilVisible)
    {
        var (article, outcome, sequence) = Stage(raw);
        index.WaitDurable(sequence);
        if (waitUntilVisible)
        {
            index.Refresh();
        }

        return (article, outcome);
    }

    /// <summary>
    /// Extracts and stores one article without waiting for durability: the caller makes a batch durable with
    /// <see cref="ArticleIndex.WaitDurable"/> before acknowledging any of it.
    /// </summary>
    public (Article Article, IngestOutcome Outcome, long Sequence) Stage(RawArticle raw)
    {
        Validate(raw);
        var article = ArticleParser.Parse(raw);
        if (raw.Speakers is null && SpeakerNameResolver.MayRename(article))
        {
            // One person, one facet value: a bare surname takes the full name the index already uses.
            article = index.SpeakerNames().ResolveSpeakers(article);
        }

        if (ArticleDocumentMapper.FindOversizedValue(article) is { } oversized)
        {
            throw new ArticleWriteException(oversized.Field,
                $"The article's {oversized.Field} value is {oversized.Bytes} bytes of UTF-8; Lucene indexes at most {Lucene.Net.Index.IndexWriter.MAX_TERM_LENGTH}.");
        }

        var outcome = index.Contains(article.Id) ? IngestOutcome.Updated : IngestOutcome.Created;
        var sequence = index.Upsert(article);
        return (article, outcome, sequence);
    }

    /// <summary>Deletes durably; false when no article has the id.</summary>
    public bool Delete(string id, bool waitUntilVisible)
    {
        if (!index.Contains(id))
        {
            return false;
        }

        index.WaitDurable(index.Delete(id));
        if (waitUntilVisible)
        {
            index.Refresh();
        }

        return true;
    }

    private static void Validate(RawArticle raw)
    {
        if (ArticleIds.Validate(raw.Id) is { } problem)
        {
            throw new ArticleWriteException("id", problem);
        }

        var content = string.IsNullOrWhiteSpace(raw.Html) ? raw.Text : raw.Html;
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new ArticleWriteException("text", "The article has no text: give 'text' (page text) or 'html'.");
        }

        if (content.Length > MaxTextLength)
        {
            throw new ArticleWriteException("text", $"The article text is {content.Length} characters long; the limit is {MaxTextLength}.");
        }
    }
}
