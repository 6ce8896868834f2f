using System.Globalization;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

/// <summary>
/// Match cursors as clients see them: the match's number in the server's match log, in decimal. The same value
/// is the SSE event id, so Last-Event-ID and ?after= take the same thing.
/// </summary>
public static class AlertCursor
{
    public static string Encode(long cursor) => cursor.ToString(CultureInfo.InvariantCulture);

    /// <summary>0 (from the start) when missing; a 400 when it is not a cursor this server gave.</summary>
    public static long Decode(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor)
            ? cursor
            : throw new SearchRequestException(parameter, $"'{value}' is not a match cursor; pass the 'next' of a previous answer or an event id.");
    }
}
