using System.Text;
using System.Text.Json;

namespace Search.Core.Alerts;

/// <summary>
/// Writes the match log's lines (<see cref="AlertMatchLog"/>) without serializing the article once per match: a
/// line is the JSON of an <see cref="AlertMatch"/>, and all but its cursor and alert id are the same for every
/// alert one article matched.
/// </summary>
internal static class MatchLine
{
    /// <summary>
    /// The article's part of a match line (from <c>,"articleId":</c> to the closing brace), the same for every alert
    /// the article matched: serialized once per article, where a popular article matches a hundred alerts, and each
    /// line then writes only its cursor and alert id in front of it. The line is the one JsonSerializer writes for the
    /// whole match (its first two properties are the cursor and the alert id); null if that ever stops being so.
    /// </summary>
    /// <param name="template">The match with cursor 0 and an empty alert id.</param>
    /// <param name="json">The log's serializer options.</param>
    public static byte[]? ArticleTail(AlertMatch template, JsonSerializerOptions json)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(template, json);
        return line.AsSpan().StartsWith(TemplateHead) ? line[TemplateHead.Length..] : null;
    }

    private static ReadOnlySpan<byte> TemplateHead => "{\"cursor\":0,\"alertId\":\"\""u8;

    /// <summary>Alert ids the server makes (hex) need no JSON escaping; anything else goes through the serializer.</summary>
    public static bool IsPlain(string alertId) => alertId.Length is > 0 and <= 64 && alertId.All(char.IsAsciiLetterOrDigit);

    /// <summary>One match line: its cursor and alert id, then the article's part and a newline.</summary>
    public static void Write(Stream stream, long cursor, string alertId, byte[] tail)
    {
        Span<byte> head = stackalloc byte[64 + alertId.Length];
        var length = 0;
        void Put(ReadOnlySpan<byte> bytes, Span<byte> into)
        {
            bytes.CopyTo(into[length..]);
            length += bytes.Length;
        }

        Put("{\"cursor\":"u8, head);
        cursor.TryFormat(head[length..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        length += digits;
        Put(",\"alertId\":\""u8, head);
        length += Encoding.ASCII.GetBytes(alertId, head[length..]);
        Put("\""u8, head);
        stream.Write(head[..length]);
        stream.Write(tail);
        stream.WriteByte((byte)'\n');
    }
}
