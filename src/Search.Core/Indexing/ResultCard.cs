using System.Text;
using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>
/// What a result list shows of an article, kept per document as one binary doc value
/// (<see cref="ArticleFields.Card"/>). A page of hits reads ten of these (a seek and a few hundred bytes each)
/// instead of ten stored documents: Lucene compresses stored fields in chunks of about 16 kB, so reading one
/// document decompresses its chunk up to that document, bodies included, which was half of a search's time.
/// </summary>
/// <param name="Id">The article's id.</param>
/// <param name="Title">Headline, or null.</param>
/// <param name="Url">Where it was published, or null.</param>
/// <param name="Outlet">Publication, or null.</param>
/// <param name="Speakers">People quoted, in the article's order (the speaker doc values are sorted, so they cannot serve).</param>
/// <param name="Published">Publication day, or null.</param>
public sealed record ResultCard(string Id, string? Title, string? Url, string? Outlet, IReadOnlyList<string> Speakers, DateOnly? Published)
{
    /// <summary>First byte of the encoding, so a later layout can be told apart.</summary>
    private const byte Version = 1;

    /// <summary>The card of <paramref name="article"/>.</summary>
    public static ResultCard Of(Article article) =>
        new(article.Id, article.Title, article.Url, article.Outlet, article.Speakers, article.Published);

    /// <summary>
    /// The bytes kept in the index: a version byte, then id, title, URL and outlet as (length + 1, UTF-8) with
    /// 0 for null, the speaker count and each speaker, and the day number + 1 (0 when undated), all as 7-bit varints.
    /// </summary>
    public byte[] Encode()
    {
        var bytes = new List<byte>(64 + (Id.Length + (Title?.Length ?? 0) + (Url?.Length ?? 0)) * 2) { Version };
        WriteString(bytes, Id);
        WriteString(bytes, Title);
        WriteString(bytes, Url);
        WriteString(bytes, Outlet);
        WriteVarint(bytes, (uint)Speakers.Count);
        foreach (var speaker in Speakers)
        {
            WriteString(bytes, speaker);
        }

        WriteVarint(bytes, Published is { } day ? (uint)day.DayNumber + 1 : 0);
        return [.. bytes];
    }

    /// <summary>Reads what <see cref="Encode"/> wrote.</summary>
    /// <exception cref="InvalidDataException">Not a card of this version.</exception>
    public static ResultCard Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes[0] != Version)
        {
            throw new InvalidDataException($"Result card of unknown version {(bytes.IsEmpty ? "(empty)" : bytes[0])}.");
        }

        var at = 1;
        var id = ReadString(bytes, ref at) ?? throw new InvalidDataException("Result card without an id.");
        var title = ReadString(bytes, ref at);
        var url = ReadString(bytes, ref at);
        var outlet = ReadString(bytes, ref at);
        var count = (int)ReadVarint(bytes, ref at);
        var speakers = count == 0 ? [] : new string[count];
        for (var i = 0; i < count; i++)
        {
            speakers[i] = ReadString(bytes, ref at) ?? "";
        }

        var day = ReadVarint(bytes, ref at);
        return new ResultCard(id, title, url, outlet, speakers, day == 0 ? null : DateOnly.FromDayNumber((int)(day - 1)));
    }

    private static void WriteString(List<byte> bytes, string? value)
    {
        if (value is null)
        {
            WriteVarint(bytes, 0);
            return;
        }

        var utf8 = Encoding.UTF8.GetBytes(value);
        WriteVarint(bytes, (uint)utf8.Length + 1);
        bytes.AddRange(utf8);
    }

    private static string? ReadString(ReadOnlySpan<byte> bytes, ref int at)
    {
        var length = ReadVarint(bytes, ref at);
        if (length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes.Slice(at, (int)length - 1));
        at += (int)length - 1;
        return text;
    }

    private static void WriteVarint(List<byte> bytes, uint value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }

    private static uint ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Result card with a malformed number.");
    }
}
