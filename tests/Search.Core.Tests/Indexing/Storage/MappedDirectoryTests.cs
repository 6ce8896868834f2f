using Lucene.Net.Store;
using Search.Core.Indexing.Storage;

namespace Search.Core.Tests.Indexing.Storage;

public sealed class MappedDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "search-mapped-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public void ReadsBackWhatWasWrittenIncludingBigEndianNumbersAndVarints()
    {
        using var directory = new MappedDirectory(_folder);
        using (var output = directory.CreateOutput("f", IOContext.DEFAULT))
        {
            output.WriteByte(7);
            output.WriteInt16(-2);
            output.WriteInt32(123_456_789);
            output.WriteInt64(-9_876_543_210_123L);
            output.WriteVInt32(300);
            output.WriteString("Zoë 北京");
            output.WriteBytes([1, 2, 3, 4, 5], 5);
        }

        using var input = directory.OpenInput("f", IOContext.DEFAULT);
        Assert.Equal(7, input.ReadByte());
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(123_456_789, input.ReadInt32());
        Assert.Equal(-9_876_543_210_123L, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal("Zoë 北京", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.Seek(input.Length + 1));
    }

    [Fact]
    public void ClonesAndSlicesMoveIndependentlyAndOutliveTheInputTheyCameFrom()
    {
        using var directory = new MappedDirectory(_folder);
        using (var output = directory.CreateOutput("g", IOContext.DEFAULT))
        {
            output.WriteBytes([.. Enumerable.Range(0, 100).Select(i => (byte)i)], 100);
        }

        IndexInput clone;
        IndexInput slice;
        using (var input = directory.OpenInput("g", IOContext.DEFAULT))
        {
            input.Seek(10);
            clone = (IndexInput)input.Clone();
            Assert.Equal(10, input.ReadByte());
            Assert.Equal(10, clone.ReadByte());
            Assert.Equal(11, input.ReadByte());
            using var slicer = directory.CreateSlicer("g", IOContext.DEFAULT);
            slice = slicer.OpenSlice("part", 40, 20);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(11, clone.ReadByte());
        Assert.Equal(20, slice.Length);
        Assert.Equal(40, slice.ReadByte());
        slice.Seek(19);
        Assert.Equal(59, slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
    }

    [Fact]
    public void AnEmptyFileOpensAndHasNothingToRead()
    {
        using var directory = new MappedDirectory(_folder);
        directory.CreateOutput("empty", IOContext.DEFAULT).Dispose();
        using var input = directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void ADeletedFileNoInputReadsIsUnmappedByAReclaimAndOneStillReadStaysReadable()
    {
        using var directory = new MappedDirectory(_folder);
        WriteBytes(directory, "dropped", 4096);
        WriteBytes(directory, "held", 8192);
        OpenAndForget(directory, "dropped");
        using var held = directory.OpenInput("held", IOContext.DEFAULT);

        directory.DeleteFile("dropped");
        directory.DeleteFile("held");
        // 8192 at least: a collection run by another test in this process may already have unmapped "dropped".
        Assert.InRange(directory.DeletedBytesStillMapped, 8192, 4096 + 8192);

        directory.ReclaimDeletedFiles();
        Assert.Equal(8192, directory.DeletedBytesStillMapped);
        Assert.DoesNotContain(MappedPaths(), p => p.EndsWith("/dropped (deleted)", StringComparison.Ordinal));
        Assert.Contains(MappedPaths(), p => p.EndsWith("/held (deleted)", StringComparison.Ordinal));
        held.Seek(8191);
        Assert.Equal(8191 % 251, held.ReadByte());
    }

    [Fact]
    public void AFileStillInTheDirectoryIsNotCountedAsWaitingForReclaim()
    {
        using var directory = new MappedDirectory(_folder);
        WriteBytes(directory, "kept", 1000);
        using var input = directory.OpenInput("kept", IOContext.DEFAULT);
        Assert.Equal(0, directory.DeletedBytesStillMapped);
        Assert.Equal(0, directory.ReclaimDeletedFiles());
    }

    private static void WriteBytes(MappedDirectory directory, string name, int length)
    {
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteBytes([.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))], length);
    }

    /// <summary>Opens, clones and reads a file in a frame of its own, so nothing here keeps it reachable.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void OpenAndForget(MappedDirectory directory, string name)
    {
        var input = directory.OpenInput(name, IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        clone.ReadByte();
        input.Dispose();
    }

    /// <summary>Files this process maps, as the kernel lists them (a deleted one ends in " (deleted)").</summary>
    private static string[] MappedPaths() =>
        [.. File.ReadAllLines("/proc/self/maps").Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 6).Select(f => f[5].Trim())];

    public void Dispose() => _folder.Delete(recursive: true);
}
