using Lucene.Net.Index;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// The bulk load: many articles written at once on several threads, skipping the log and, while the index
/// holds only what bulk loads wrote, the delete-term lookup of an update.
/// </summary>
public sealed partial class ArticleIndex
{
    // Ids bulk-loaded since open, while only AddAll has written to an index that was empty when opened: an id
    // not in it cannot be in the index, so AddAll may add it without a delete-term lookup. Null (unknown) once
    // the index was opened with documents or Upsert/Delete wrote to it, so a long-running server keeps no such set.
    private readonly System.Threading.Lock _writtenIdsLock = new();
    private HashSet<string>? _writtenIds;

    /// <summary>
    /// Bulk load: the same end state as <see cref="Upsert"/> of each article in order (a repeated id keeps its
    /// last version). Built for fresh builds (the indexer, a server's first start): documents are made and
    /// inverted on <paramref name="threads"/> threads at once (IndexWriter is thread-safe), an id this index
    /// cannot hold yet (it was empty when opened and only bulk loads have written to it, none with this id) is
    /// added without the delete-term lookup of an update, and nothing is written to the write-ahead log.
    /// Visible after the next refresh and durable after the next <see cref="Commit"/> (a crash before it loses
    /// the batch, which nobody was told is durable). Returns the number of distinct ids written.
    /// </summary>
    public int AddAll(IReadOnlyList<Article> articles, int threads, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return 0;
        }

        // Last occurrence of each id wins, as with sequential upserts.
        var last = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            last[articles[i].Id] = i;
        }

        var isNew = new bool[articles.Count];
        foreach (var (id, i) in last)
        {
            isNew[i] = NoteWritten(id);
        }

        threads = Math.Max(1, threads);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        // Contiguous ranges keep each thread's segments in input order, as one thread would write them; each worker
        // reuses its fields from one document to the next (ReusableFields).
        var ranges = System.Collections.Concurrent.Partitioner.Create(0, articles.Count, Math.Max(1, articles.Count / (threads * 8)));
        Parallel.ForEach(ranges, options, () => new ReusableFields(), (range, _, fields) =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var article = articles[i];
                if (last[article.Id] != i)
                {
                    continue;
                }

                var document = ArticleDocumentMapper.ToDocument(article, fields);
                if (isNew[i])
                {
                    _writer.AddDocument(document);
                }
                else
                {
                    _writer.UpdateDocument(new Term(ArticleFields.Id, article.Id), document);
                }
            }
            return fields;
        }, _ => { });

        // A write no commit holds yet: CommitIfDirty (and so the server's background commit) sees it.
        _writes.NoteUnloggedWrite();
        return last.Count;
    }

    /// <summary>
    /// Records that <paramref name="id"/> is being bulk-loaded; true when this index cannot hold it yet (it was
    /// empty when opened and only bulk loads have written to it, none with this id), so it may be added without a delete.
    /// </summary>
    private bool NoteWritten(string id)
    {
        lock (_writtenIdsLock)
        {
            return _writtenIds?.Add(id) ?? false;
        }
    }

    /// <summary>A single write makes the bulk-load id set incomplete: from now on every bulk write is an update.</summary>
    private void ForgetWrittenIds()
    {
        if (_writtenIds is not null)
        {
            lock (_writtenIdsLock)
            {
                _writtenIds = null;
            }
        }
    }

}
