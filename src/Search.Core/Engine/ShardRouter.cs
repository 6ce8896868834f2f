using System.Text;

namespace Search.Core.Engine;

/// <summary>
/// Sends an article id to its shard: FNV-1a (64-bit) of the id's UTF-8 bytes, modulo the shard count.
/// Stable across processes, machines and .NET versions (string.GetHashCode is randomised per process), so a
/// restarted or remote node routes an id where it was written.
/// </summary>
public sealed class ShardRouter
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <param name="shards">How many shards the index has (at least 1).</param>
    public ShardRouter(int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        Shards = shards;
    }

    public int Shards { get; }

    /// <summary>The shard, 0 … <see cref="Shards"/> − 1, that owns <paramref name="id"/>.</summary>
    public int ShardOf(string id) => Shards == 1 ? 0 : (int)(Hash(id) % (ulong)Shards);

    /// <summary>FNV-1a over the UTF-8 encoding of <paramref name="id"/>.</summary>
    public static ulong Hash(string id)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(id) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(id, buffer)] : Encoding.UTF8.GetBytes(id);
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
