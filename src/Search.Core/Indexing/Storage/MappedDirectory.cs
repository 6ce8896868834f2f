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
public sealed class MappedDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var file = MappedFile.Open(path);
        return new MappedInput($"MappedInput(path=\"{path}\")", file, 0, file.Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        return new Slicer(path, MappedFile.Open(path));
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
