using Search.Core.Alerts;

namespace Search.Api.Endpoints;

/// <summary>The answer to POST /alerts.</summary>
public sealed record AlertCreated(string Id);

/// <summary>A saved alert as GET /alerts lists it, with how many matches it has and the cursor of the newest.</summary>
public sealed record AlertView(
    string Id,
    string Name,
    string Q,
    IReadOnlyList<string> Outlet,
    IReadOnlyList<string> Speaker,
    IReadOnlyList<string> Source,
    DateTimeOffset CreatedAt,
    int Matches,
    string? LatestCursor,
    bool Webhook)
{
    public static AlertView From(AlertSummary summary)
    {
        var alert = summary.Alert;
        return new AlertView(alert.Id, alert.Name, alert.Query, alert.Outlets, alert.Speakers, alert.Sources, alert.CreatedAt,
            summary.Matches, summary.Latest == 0 ? null : AlertCursor.Encode(summary.Latest), alert.Webhook is not null);
    }
}

/// <summary>One matching article, as GET /alerts/{id}/matches and the stream deliver it.</summary>
public sealed record AlertMatchView(string Cursor, string Id, string? Title, string? Outlet, string? Url, DateOnly? Published, DateTimeOffset MatchedAt)
{
    public static AlertMatchView From(AlertMatch match) =>
        new(AlertCursor.Encode(match.Cursor), match.ArticleId, match.Title, match.Outlet, match.Url, match.Published, match.MatchedAt);
}

/// <summary>A page of matches, oldest first; pass <see cref="Next"/> as <c>after</c> for the ones after it.</summary>
public sealed record AlertMatchesResponse(string AlertId, IReadOnlyList<AlertMatchView> Matches, string? Next, bool HasMore);
