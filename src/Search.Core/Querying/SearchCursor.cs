using System.Buffers.Text;
using System.Text.Json;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// The <c>after</c> cursor: the sort values of the last hit of a page (score or day, then id), so the
/// next page starts right after it whatever was added or deleted in between. Opaque to clients
/// (URL-safe base64 of a small JSON object).
/// </summary>
public static class SearchCursor
{
    // Members are nullable on purpose: a hand-made cursor may omit any of them ({"Id":"x"}).
    private sealed record Payload(string? S, long V, string? Id);

    public static string Encode(SearchSort sort, FieldDoc last)
    {
        // Scores are kept as their exact bits: a rounded score would skip or repeat ties.
        // Lucene.NET boxes sort values as J2N numbers (Java-compatible semantics), not as float/long.
        var value = last.Fields[0] switch
        {
            J2N.Numerics.Single score => BitConverter.SingleToInt32Bits(score.ToSingle()),
            J2N.Numerics.Int64 day => day.ToInt64(),
            _ => throw new InvalidOperationException($"Unexpected sort value {last.Fields[0]?.GetType()}"),
        };
        var id = ((BytesRef)last.Fields[1]).Utf8ToString();
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(sort.ToString(), value, id));
        return Base64Url.EncodeToString(json);
    }

    public static FieldDoc Decode(string cursor, SearchSort sort)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            payload = null;
        }

        if (payload is null || payload.Id is null || payload.S is null)
        {
            throw new SearchRequestException("after", "The 'after' cursor is not one this server returned; pass the 'after' value of the previous page unchanged.");
        }

        if (!string.Equals(payload.S, sort.ToString(), StringComparison.Ordinal))
        {
            throw new SearchRequestException("after", $"The 'after' cursor was made for sort '{payload.S.ToLowerInvariant()}', not '{sort.ToString().ToLowerInvariant()}'.");
        }

        object first = sort == SearchSort.Relevance
            ? J2N.Numerics.Single.GetInstance(BitConverter.Int32BitsToSingle((int)payload.V))
            : J2N.Numerics.Int64.GetInstance(payload.V);
        // Doc id MaxValue: equal sort values never happen (ids are unique), so it only skips the same article.
        return new FieldDoc(int.MaxValue, float.NaN, [first, new BytesRef(payload.Id)]);
    }
}
