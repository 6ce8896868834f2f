using Lucene.Net.Index;

namespace Search.Core.Querying.Trending;

/// <summary>
/// The index-wide background of trending terms: for every term id, how many articles of the newest reader hold
/// it, in one array, so a request reads a term's background with one array access instead of a lookup per
/// segment. Kept up to date incrementally: when a newer reader is seen (at the refresh, or on the first request
/// on it), the tables of its new segments are added and those of segments merged away are subtracted, so a
/// refresh after one write costs the small new segment, not the index.
/// </summary>
/// <remarks>
/// One array for the newest reader, not one per reader: a request still running on an older reader reads the
/// newer background, which differs by the few articles written since; the significance score does not notice,
/// and copying an array of every term ever seen on each refresh would. Updates run under a lock; requests read
/// without one (an int read is atomic, and an array that grows is replaced, not resized in place).
/// </remarks>
/// <param name="pairs">Whether this background counts the tables' pairs (otherwise their words): the two are numbered apart.</param>
public sealed class BackgroundFrequencies(bool pairs)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<object, SegmentTermTable> _applied = new(ReferenceEqualityComparer.Instance);
    private int[] _docFreq = [];
    private int _docCount;
    private long _version = long.MinValue;
    private object? _directory;

    /// <summary>Articles in the background (live when their segment's table was built).</summary>
    public int DocCount => Volatile.Read(ref _docCount);

    /// <summary>Articles holding the term numbered <paramref name="id"/> (0 for a term newer than the background).</summary>
    public int DocFreq(int id)
    {
        var docFreq = Volatile.Read(ref _docFreq);
        return id < docFreq.Length ? docFreq[id] : 0;
    }

    /// <summary>
    /// Moves the background to <paramref name="reader"/> unless it is already there or an older reader of the
    /// same index (readers without a version, such as a MultiReader, move it whenever their segments differ).
    /// </summary>
    public void Update(IndexReader reader, Func<AtomicReader, SegmentTermTable> tableOf)
    {
        var directory = (reader as DirectoryReader)?.Directory;
        var version = reader is DirectoryReader opened ? opened.Version : -1;
        var leaves = reader.Leaves;
        lock (_lock)
        {
            var older = directory is not null && ReferenceEquals(directory, _directory) && version < _version;
            if (older || SameSegments(leaves))
            {
                return;
            }

            var current = leaves.ToDictionary(leaf => leaf.AtomicReader.CoreCacheKey, leaf => leaf.AtomicReader, ReferenceEqualityComparer.Instance);
            var added = current.Where(c => !_applied.ContainsKey(c.Key)).Select(c => (c.Key, Table: tableOf(c.Value))).ToList();
            var removed = _applied.Keys.Where(key => !current.ContainsKey(key)).ToList();
            var maxId = added.Count == 0 ? -1 : added.Max(a => pairs ? a.Table.MaxPairId : a.Table.MaxWordId);
            var docFreq = _docFreq;
            if (maxId >= docFreq.Length)
            {
                // Doubling keeps the copies rare; the old array stays valid for requests that already hold it.
                var grown = new int[Math.Max(maxId + 1, docFreq.Length * 2)];
                docFreq.CopyTo(grown, 0);
                docFreq = grown;
            }

            var docCount = _docCount;
            foreach (var key in removed)
            {
                _applied.Remove(key, out var table);
                table!.AddDocFreqsTo(docFreq, -1, pairs);
                docCount -= table.DocCount;
            }

            foreach (var (key, table) in added)
            {
                _applied[key] = table;
                table.AddDocFreqsTo(docFreq, 1, pairs);
                docCount += table.DocCount;
            }

            Volatile.Write(ref _docFreq, docFreq);
            Volatile.Write(ref _docCount, docCount);
            _version = version;
            _directory = directory;
        }
    }

    private bool SameSegments(IList<AtomicReaderContext> leaves) =>
        leaves.Count == _applied.Count && leaves.All(leaf => _applied.ContainsKey(leaf.AtomicReader.CoreCacheKey));
}
