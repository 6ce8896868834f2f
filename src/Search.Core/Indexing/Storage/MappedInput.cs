using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Search.Core.Indexing.Storage;

/// <summary>
/// Reads a <see cref="MappedFile"/> (or a slice of it, for files inside a compound file) straight from memory.
/// A clone is a copy of four fields: Lucene clones an input for every term lookup and postings list it opens,
/// so this is on every search's path (see <see cref="MappedDirectory"/>).
/// </summary>
internal sealed unsafe class MappedInput : IndexInput
{
    private readonly MappedFile _file;
    private readonly byte* _start;
    private readonly long _length;
    private long _position;

    public MappedInput(string description, MappedFile file, long offset, long length)
        : base(description)
    {
        if (offset < 0 || length < 0 || offset + length > file.Length)
        {
            throw new ArgumentException($"Slice [{offset}, {offset + length}) is outside the file ({file.Length} bytes): {description}");
        }

        _file = file;
        _start = file.Start + offset;
        _length = length;
    }

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length)
        {
            throw new EndOfStreamException($"Seek to {pos} outside {_length} bytes: {this}");
        }

        _position = pos;
    }

    public override byte ReadByte()
    {
        if (_position >= _length)
        {
            throw new EndOfStreamException($"Read past the end: {this}");
        }

        return _start[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len) => Take(len).CopyTo(b.AsSpan(offset, len));

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    /// <summary>The next <paramref name="count"/> bytes, moving past them.</summary>
    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _position + count > _length)
        {
            throw new EndOfStreamException($"Read of {count} bytes past the end: {this}");
        }

        var span = new ReadOnlySpan<byte>(_start + _position, count);
        _position += count;
        return span;
    }

    public override object Clone() => MemberwiseClone();

    /// <summary>Nothing to release here: the mapping goes when no input refers to it (<see cref="MappedFile"/>).</summary>
    protected override void Dispose(bool disposing)
    {
    }

    /// <summary>Keeps the mapping reachable for as long as this input is.</summary>
    internal MappedFile File => _file;
}
