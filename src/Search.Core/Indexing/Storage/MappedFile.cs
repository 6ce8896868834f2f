using System.IO.MemoryMappedFiles;

namespace Search.Core.Indexing.Storage;

/// <summary>
/// One index file mapped read-only into memory, shared by the input that opened it and all its clones and
/// slices. It is unmapped by its finalizer, once no input refers to it any more: an input and its clones
/// never read unmapped memory, whatever order Lucene closes them in. Index files are written once and never
/// changed, and on Linux a deleted file stays readable while mapped; its disk space is freed at unmapping.
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedViewAccessor? _view;

    private MappedFile(MemoryMappedViewAccessor? view, byte* start, long length)
    {
        _view = view;
        Start = start;
        Length = length;
    }

    /// <summary>First byte of the file.</summary>
    public byte* Start { get; }

    /// <summary>Bytes in the file.</summary>
    public long Length { get; }

    /// <summary>Maps <paramref name="path"/>.</summary>
    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        if (length == 0)
        {
            // An empty file cannot be mapped; reading it fails as reading past its end.
            return new MappedFile(null, null, 0);
        }

        // The view keeps the mapping once the file and its mapping object are closed.
        using var mapping = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = mapping.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        return new MappedFile(view, start + view.PointerOffset, length);
    }

    ~MappedFile()
    {
        // Lets the view's own handle unmap the file once it is finalized too.
        _view?.SafeMemoryMappedViewHandle.ReleasePointer();
    }
}
