using System.Globalization;
using System.Text;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class StoryFingerprintTests
{
    public static TheoryData<string> Bodies => new()
    {
        "",
        "Too short to judge: only a handful of words here.",
        string.Join(' ', Enumerable.Range(0, 40).Select(i => "word" + i)),
        "Don't  stop—it's the Governor’s plan: 3.5% of U.S. funds, \"quoted\" (twice) & Kyïv's İstanbul ÆSIR 🙂 emoji. "
            + string.Join(", ", Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? "O'Neil" : "Word" + (i * 7))),
        string.Concat(Enumerable.Repeat("The same sentence again and again, said the mayor on Tuesday. ", 12)) + "'leading apostrophe '' end'",
    };

    /// <summary>
    /// Signatures are stored in the index, so a faster <see cref="StoryFingerprint.Compute"/> must give the same
    /// values as the plain definition (word list, shingle strings "w1 w2 w3 ", FNV-1a, one seeded mix per hash).
    /// </summary>
    [Theory]
    [MemberData(nameof(Bodies))]
    public void ComputeMatchesThePlainDefinition(string body)
    {
        var expected = Reference(body);
        var actual = StoryFingerprint.Compute(body);
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void ComputeMatchesThePlainDefinitionOnRandomText()
    {
        var random = new Random(7);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCÉÎ0123456789    ,.'’-\"\n";
        for (var n = 0; n < 50; n++)
        {
            var chars = new char[random.Next(0, 3000)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var body = new string(chars);
            Assert.Equal(Reference(body), StoryFingerprint.Compute(body));
        }
    }

    private static uint[]? Reference(string body)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in body)
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

        if (words.Count - StoryFingerprint.ShingleWords + 1 < StoryFingerprint.MinShingles)
        {
            return null;
        }

        var signature = Enumerable.Repeat(uint.MaxValue, StoryFingerprint.HashCount).ToArray();
        for (var i = 0; i + StoryFingerprint.ShingleWords <= words.Count; i++)
        {
            var shingle = string.Concat(words.Skip(i).Take(StoryFingerprint.ShingleWords).Select(w => w + " "));
            var hash = 14695981039346656037UL;
            foreach (var c in shingle)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            for (var h = 0; h < StoryFingerprint.HashCount; h++)
            {
                var value = (uint)Mix(hash ^ Mix(0x9E3779B97F4A7C15UL * (ulong)(h + 1)));
                signature[h] = Math.Min(signature[h], value);
            }
        }

        return signature;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
