using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// <remarks>
    /// Runs once per indexed article, so it allocates only the signature: the body's words are lowercased
    /// into one pooled buffer (word ends kept aside), each shingle is hashed straight from that buffer as the
    /// text "w1 w2 w3 ", and the per-function seeds are computed once.
    /// </remarks>
    public static uint[]? Compute(string body)
    {
        var letters = ArrayPool<char>.Shared.Rent(Math.Max(1, body.Length));
        var ends = ArrayPool<int>.Shared.Rent((body.Length / 2) + 1);
        try
        {
            var count = Words(body, letters, ends);
            if (count - ShingleWords + 1 < MinShingles)
            {
                return null;
            }

            // Running minima of the 32-bit hash values, kept widened so whole vectors of them compare at once.
            Span<ulong> minima = stackalloc ulong[HashCount];
            minima.Fill(uint.MaxValue);
            for (var i = 0; i + ShingleWords <= count; i++)
            {
                var hash = FnvOffset;
                for (var w = i; w < i + ShingleWords; w++)
                {
                    var start = w == 0 ? 0 : ends[w - 1];
                    foreach (var c in letters.AsSpan(start, ends[w] - start))
                    {
                        hash = (hash ^ c) * FnvPrime;
                    }

                    hash = (hash ^ ' ') * FnvPrime;
                }

                KeepMinima(hash, minima);
            }

            var signature = new uint[HashCount];
            for (var h = 0; h < HashCount; h++)
            {
                signature[h] = (uint)minima[h];
            }

            return signature;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(letters);
            ArrayPool<int>.Shared.Return(ends);
        }
    }

    /// <summary>For every hash function h: minima[h] = min(minima[h], low 32 bits of Mix(shingle ^ seed h)).</summary>
    private static void KeepMinima(ulong shingle, Span<ulong> minima)
    {
        ReadOnlySpan<ulong> seeds = Seeds;
        var h = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var value = Vector256.Create(shingle);
            var low = Vector256.Create((ulong)uint.MaxValue);
            for (; h + Vector256<ulong>.Count <= HashCount; h += Vector256<ulong>.Count)
            {
                var mixed = Mix(value ^ Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(seeds), (nuint)h)) & low;
                ref var minimum = ref MemoryMarshal.GetReference(minima);
                Vector256.Min(mixed, Vector256.LoadUnsafe(ref minimum, (nuint)h)).StoreUnsafe(ref minimum, (nuint)h);
            }
        }

        for (; h < HashCount; h++)
        {
            minima[h] = Math.Min(minima[h], (uint)Mix(shingle ^ seeds[h]));
        }
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

    /// <summary>
    /// Lowercased letters-and-digits words; punctuation, quotes and case do not make two copies differ, and an
    /// apostrophe inside a word is dropped without splitting it ("don't" is "dont"). The words are written
    /// one after another into <paramref name="letters"/>; word <c>i</c> ends at <c>ends[i]</c>. Returns the word count.
    /// </summary>
    private static int Words(string text, char[] letters, int[] ends)
    {
        int length = 0, count = 0, wordStart = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                letters[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
            else if (c >= 0x80 && char.IsLetterOrDigit(c))
            {
                letters[length++] = char.ToLower(c, CultureInfo.InvariantCulture);
            }
            else if (length > wordStart && c is not ('\'' or '’'))
            {
                ends[count++] = length;
                wordStart = length;
            }
        }

        if (length > wordStart)
        {
            ends[count++] = length;
        }

        return count;
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private static readonly ulong[] Seeds = [.. Enumerable.Range(0, HashCount).Select(Seed)];

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

    /// <summary><see cref="Mix(ulong)"/> on every lane.</summary>
    private static Vector256<ulong> Mix(Vector256<ulong> x)
    {
        x ^= Vector256.ShiftRightLogical(x, 30);
        x *= Vector256.Create(0xBF58476D1CE4E5B9UL);
        x ^= Vector256.ShiftRightLogical(x, 27);
        x *= Vector256.Create(0x94D049BB133111EBUL);
        return x ^ Vector256.ShiftRightLogical(x, 31);
    }
}
