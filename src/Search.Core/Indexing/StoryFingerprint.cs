using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Search.Core.Indexing;

/// <summary>
/// A MinHash signature of an article body, computed at index time, that lets copies of one story (an
/// agency wire reworded here and there, a repost crediting the original) be found without comparing
/// every pair of articles. The body is cut into overlapping three-word shingles; each of
/// <see cref="HashCount"/> hash functions keeps its smallest value over the shingles, and the share of
/// positions two signatures agree on estimates the Jaccard similarity of their shingle sets. Signatures
/// are split into <see cref="BandCount"/> bands of <see cref="RowsPerBand"/> rows (locality-sensitive
/// hashing): two bodies that agree on a whole band are candidates, which with 20 × 3 catches pairs above a
/// Jaccard of about 0.4 most of the time and below 0.2 rarely. Three-word shingles tolerate light
/// rewording (each changed word breaks three shingles); shorter bodies than <see cref="MinShingles"/>
/// get no signature, since a few shared phrases would make unrelated briefs look alike.
/// </summary>
public static class StoryFingerprint
{
    public const int ShingleWords = 3;
    public const int BandCount = 20;
    public const int RowsPerBand = 3;
    public const int HashCount = BandCount * RowsPerBand;
    public const int MinShingles = 20;

    /// <summary>Estimated Jaccard similarity at or above which two signatures are the same story.</summary>
    public const double SameStoryThreshold = 0.4;

    /// <summary>The signature of <paramref name="body"/>, or null when the body is too short to judge.</summary>
    public static uint[]? Compute(string body)
    {
        var words = Words(body);
        if (words.Count - ShingleWords + 1 < MinShingles)
        {
            return null;
        }

        var signature = new uint[HashCount];
        Array.Fill(signature, uint.MaxValue);
        var builder = new StringBuilder();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            builder.Clear();
            for (var w = 0; w < ShingleWords; w++)
            {
                builder.Append(words[i + w]).Append(' ');
            }

            var shingle = Fnv1a(builder);
            for (var h = 0; h < HashCount; h++)
            {
                var value = (uint)Mix(shingle ^ Seed(h));
                if (value < signature[h])
                {
                    signature[h] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>Share of hash positions on which two signatures agree: an estimate of their Jaccard similarity.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var same = 0;
        for (var i = 0; i < HashCount; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        return (double)same / HashCount;
    }

    /// <summary>The key of band <paramref name="band"/>: equal keys make two articles candidates.</summary>
    public static ulong BandKey(ReadOnlySpan<uint> signature, int band)
    {
        var key = (ulong)band;
        for (var r = 0; r < RowsPerBand; r++)
        {
            key = Mix(key ^ signature[(band * RowsPerBand) + r]);
        }

        return key;
    }

    public static byte[] ToBytes(uint[] signature)
    {
        var bytes = new byte[signature.Length * 4];
        for (var i = 0; i < signature.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), signature[i]);
        }

        return bytes;
    }

    /// <summary>Reads a signature written by <see cref="ToBytes"/>; null when the bytes are not one.</summary>
    public static uint[]? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != HashCount * 4)
        {
            return null;
        }

        var signature = new uint[HashCount];
        for (var i = 0; i < HashCount; i++)
        {
            signature[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return signature;
    }

    /// <summary>Lowercased letters-and-digits words; punctuation, quotes and case do not make two copies differ.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (current.Length > 0 && c is not ('\'' or '’'))
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static ulong Fnv1a(StringBuilder text)
    {
        var hash = 14695981039346656037UL;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
        }

        return hash;
    }

    /// <summary>A fixed, distinct seed per hash function (golden-ratio steps), so signatures are stable across runs.</summary>
    private static ulong Seed(int h) => Mix(0x9E3779B97F4A7C15UL * (ulong)(h + 1));

    /// <summary>SplitMix64's finaliser: a cheap, well-spread 64-bit mix.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
