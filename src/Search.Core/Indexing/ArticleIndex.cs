using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// The one owner of an on-disk index: its <see cref="FSDirectory"/>, the single <see cref="IndexWriter"/>
/// (Lucene allows one per index; a second process gets <see cref="IndexLockedException"/>) and the
/// <see cref="SearcherManager"/> that shares near-real-time searchers across requests.
/// Writes are acknowledged only after <see cref="Commit"/>.
/// </summary>
public sealed class ArticleIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _commitLock = new();

    public ArticleIndex(string indexPath)
    {
        Path = System.IO.Path.GetFullPath(indexPath);
        System.IO.Directory.CreateDirectory(Path);
        _directory = FSDirectory.Open(Path);
        try
        {
            _writer = new IndexWriter(_directory, CreateWriterConfig(OpenMode.CREATE_OR_APPEND));
        }
        catch (LockObtainFailedException ex)
        {
            _directory.Dispose();
            throw new IndexLockedException(Path, ex);
        }

        // Make sure a brand-new folder holds a valid (empty) commit, so readers can open it.
        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory());
    }

    /// <summary>Full path of the index folder.</summary>
    public string Path { get; }

    /// <summary>
    /// Writer settings shared by every writer of an index: BM25 (norms must match the searcher's similarity),
    /// the per-field analyzer, and a 64 MB RAM buffer (Lucene's 16 MB default flushes tiny segments during
    /// bulk loads; 64 MB halves merge work at a cost of that much heap while indexing).
    /// </summary>
    public static IndexWriterConfig CreateWriterConfig(OpenMode mode) =>
        new(LuceneSettings.Version, new ArticleAnalyzer())
        {
            OpenMode = mode,
            Similarity = BM25SearcherFactory.CreateSimilarity(),
            RAMBufferSizeMB = 64,
        };

    /// <summary>Adds or replaces the article with the same id (not visible until refresh, not durable until commit).</summary>
    public void Upsert(Article article) =>
        _writer.UpdateDocument(new Term(ArticleFields.Id, article.Id), ArticleDocumentMapper.ToDocument(article));

    /// <summary>Removes the article with this id, if any.</summary>
    public void Delete(string id) => _writer.DeleteDocuments(new Term(ArticleFields.Id, id));

    /// <summary>Makes every write so far durable. Concurrent callers share one fsync when they can.</summary>
    public void Commit()
    {
        lock (_commitLock)
        {
            _writer.Commit();
        }
    }

    /// <summary>
    /// Blocks until the background merges the writer has started are done. A bulk load is not finished at
    /// <see cref="Commit"/>: merges keep running and compete with searches for CPU until they end.
    /// </summary>
    public void WaitForMerges() => _writer.WaitForMerges();

    /// <summary>Makes recent writes visible to new searchers, blocking until done.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Makes recent writes visible if no other refresh is under way.</summary>
    public bool MaybeRefresh() => _searchers.MaybeRefresh();

    /// <summary>Borrows the current searcher; dispose the lease to return it.</summary>
    public SearcherLease AcquireSearcher() => new(_searchers);

    /// <summary>Number of live articles visible to searches.</summary>
    public int Count
    {
        get
        {
            using var lease = AcquireSearcher();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }
}
