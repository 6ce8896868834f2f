using Lucene.Net.Store;

namespace Search.Core.Indexing.Storage;

/// <summary>
/// An <see cref="FSDirectory"/> whose inputs read memory-mapped files through a pointer. Lucene.NET's own
/// <see cref="MMapDirectory"/> registers every clone of an input in a <c>ConditionalWeakTable</c> (so that closing
/// a file can invalidate its clones); Lucene clones inputs for every term and postings list a query opens, and
/// a profile of a default search (#14) put about a fifth of its CPU time in that registration and more in the
/// garbage collections its weak handles slow down. Here clones are plain copies and a file is unmapped only when
/// no input refers to it (<see cref="MappedFile"/>), which is just as safe. Writing is <see cref="FSDirectory"/>'s.
/// </summary>
/// <remarks>
/// The price of unmapping in a finalizer: a segment file that a merge deleted keeps its disk space until a garbage
/// collection finalizes its last input, which on a quiet server can be long after the last reader let go of it.
/// The directory therefore remembers which deleted files may still be mapped (<see cref="DeletedBytesStillMapped"/>)
/// and <see cref="ReclaimDeletedFiles"/> collects them on demand; <see cref="DeletedFileReclaimer"/> decides when.
/// </remarks>
public sealed class MappedDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    private readonly System.Threading.Lock _mappingsLock = new();
    private readonly List<Mapping> _mappings = [];
    private int _pruneAt = 64;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var file = Map(name, path);
        return new MappedInput($"MappedInput(path=\"{path}\")", file, 0, file.Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        return new Slicer(path, Map(name, path));
    }

    public override void DeleteFile(string name)
    {
        base.DeleteFile(name);
        lock (_mappingsLock)
        {
            foreach (var mapping in _mappings)
            {
                if (mapping.Name == name)
                {
                    mapping.Deleted = true;
                }
            }
        }
    }

    /// <summary>
    /// Bytes of files deleted from this directory whose mapping may still hold their disk space: some input
    /// (or clone) may still read them, or no garbage collection has finalized their inputs yet.
    /// </summary>
    public long DeletedBytesStillMapped
    {
        get
        {
            lock (_mappingsLock)
            {
                Prune();
                return _mappings.Where(m => m.Deleted).Sum(m => m.Length);
            }
        }
    }

    /// <summary>
    /// Runs a full blocking garbage collection and the finalizers it queues, so every deleted file no input refers
    /// to any more is unmapped and its disk space freed now. Returns the bytes freed. Costs one full collection
    /// (a pause of the whole process): call it rarely (<see cref="DeletedFileReclaimer"/>).
    /// </summary>
    public long ReclaimDeletedFiles()
    {
        var before = DeletedBytesStillMapped;
        if (before == 0)
        {
            return 0;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        // The views' own handles are finalized in the same pass, after the files that released them.
        GC.Collect();
        return before - DeletedBytesStillMapped;
    }

    private MappedFile Map(string name, string path)
    {
        var file = MappedFile.Open(path);
        lock (_mappingsLock)
        {
            _mappings.Add(new Mapping(name, file.Length, new WeakReference<MappedFile>(file)));
            if (_mappings.Count >= _pruneAt)
            {
                Prune();
                _pruneAt = Math.Max(64, _mappings.Count * 2);
            }
        }

        return file;
    }

    /// <summary>Forgets the files already unmapped (their <see cref="MappedFile"/> was collected).</summary>
    private void Prune() => _mappings.RemoveAll(m => !m.File.TryGetTarget(out _));

    /// <summary>One opened file: weakly held, so remembering it never keeps it mapped.</summary>
    private sealed class Mapping(string name, long length, WeakReference<MappedFile> file)
    {
        public string Name { get; } = name;

        public long Length { get; } = length;

        public WeakReference<MappedFile> File { get; } = file;

        public bool Deleted { get; set; }
    }

    /// <summary>Slices of one mapped compound file.</summary>
    private sealed class Slicer(string path, MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new MappedInput($"MappedInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", file, offset, length);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => new MappedInput($"MappedInput(path=\"{path}\")", file, 0, file.Length);

        protected override void Dispose(bool disposing)
        {
        }
    }
}
