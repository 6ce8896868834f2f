using Lucene.Net.Index;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// Replay: the logged writes no commit holds, applied again at open (after a crash) or by the commit that
/// recovers from a writer failure; what cannot be applied is quarantined, never allowed to stop the start.
/// </summary>
internal sealed partial class WriteLogCoordinator
{
    private readonly List<WalEntry> _replayedUpserts = [];

    /// <summary>Writes replayed from the log at open (after a crash).</summary>
    public int Replayed { get; private set; }

    /// <summary>
    /// Logged writes that could not be replayed at open for lack of disk space: they stay in the log and the
    /// first commit that finds space applies them.
    /// </summary>
    public int Deferred { get; private set; }

    /// <summary>
    /// The logged upserts newer than the last commit, in log order, whether replayed at open or deferred (all are
    /// acknowledged writes the observers may not have seen).
    /// </summary>
    public IReadOnlyList<WalEntry> ReplayedUpserts => _replayedUpserts;

    /// <summary>Logged writes set aside at open because they could not be replayed, with why.</summary>
    public IReadOnlyList<string> Quarantined => _log?.Problems ?? [];

    /// <summary>
    /// Applies the logged writes no commit holds. One that cannot be applied (written by a version without
    /// today's checks, or damaged) is quarantined and reported, never allowed to stop the start. When the
    /// disk is full, the rest wait in the log: the index opens as of its last commit, and the first commit
    /// that finds space re-applies them (<see cref="NeedsRecovery"/>), so the server still starts.
    /// </summary>
    private void Replay(WriteAheadLog log)
    {
        foreach (var entry in log.ReadAll().Where(e => e.Seq > _lastCommitted))
        {
            _lastWrite = Math.Max(_lastWrite, entry.Seq);
            if (ReplayProblem(entry) is { } problem)
            {
                log.Quarantine(entry, problem);
                continue;
            }

            if (NeedsRecovery)
            {
                Deferred++;
                NoteUpsert(entry);
                continue;
            }

            try
            {
                ApplyLogged(entry);
                Replayed++;
                NoteUpsert(entry);
            }
            catch (ArgumentException ex)
            {
                // Lucene refuses a document it cannot index (an immense term) without harming the writer.
                log.Quarantine(entry, ex.Message);
            }
            catch (IOException)
            {
                // A flush on a full disk: Lucene dropped what it had buffered, so every entry waits for recovery.
                NoteWriterFailure();
                Deferred += Replayed + 1;
                Replayed = 0;
                NoteUpsert(entry);
            }
        }
    }

    private void NoteUpsert(WalEntry entry)
    {
        if (entry.Op == WriteAheadLog.Upsert)
        {
            _replayedUpserts.Add(entry);
        }
    }

    /// <summary>Applies one logged write to the writer again; entries that <see cref="ReplayProblem"/> refuses are skipped.</summary>
    private void ApplyLogged(WalEntry entry)
    {
        if (ReplayProblem(entry) is not null)
        {
            return;
        }

        if (entry.Op == WriteAheadLog.Upsert)
        {
            _writer.UpdateDocument(new Term(ArticleFields.Id, entry.Article!.Id), ArticleDocumentMapper.ToDocument(entry.Article));
        }
        else
        {
            _writer.DeleteDocuments(new Term(ArticleFields.Id, entry.Id));
        }
    }

    private static string? ReplayProblem(WalEntry entry) => entry switch
    {
        { Op: WriteAheadLog.Upsert, Article: null } => "an upsert without its article",
        // Written by hand or by an older version: JSON null where the record promises a value.
        { Op: WriteAheadLog.Upsert, Article: { } article } when article.Id is null || article.Body is null || article.Speakers is null
            || article.Sources is null || article.Quotes is null || article.Speakers.Any(s => s is null) || article.Sources.Any(s => s is null)
            || article.Authors is null || article.Authors.Any(s => s is null) =>
            "an article with a missing field",
        { Op: WriteAheadLog.Upsert, Article: { } article } when ArticleIds.Validate(article.Id) is { } problem => problem,
        { Op: WriteAheadLog.Upsert, Article: { } article } when ArticleDocumentMapper.FindOversizedValue(article) is { } oversized =>
            $"its {oversized.Field} is {oversized.Bytes} bytes, over Lucene's term limit",
        { Op: WriteAheadLog.Delete, Id: null } => "a delete without its id",
        { Op: WriteAheadLog.Upsert or WriteAheadLog.Delete } => null,
        _ => $"unknown operation '{entry.Op}'",
    };

}
