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

    public void Dispose() => _folder.Delete(recursive: true);
}
