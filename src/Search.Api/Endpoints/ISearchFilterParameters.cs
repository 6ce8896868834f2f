namespace Search.Api.Endpoints;

/// <summary>The query-string parameters /search and /export share (their records keep the names and descriptions).</summary>
public interface ISearchFilterParameters
{
    string? Q { get; }

    string[]? Outlet { get; }

    string[]? Speaker { get; }

    string[]? Source { get; }

    string[]? Organization { get; }

    string[]? Author { get; }

    string[]? Lang { get; }

    string? From { get; }

    string? To { get; }

    string? Sort { get; }

    string? Op { get; }

    string? Expand { get; }
}
