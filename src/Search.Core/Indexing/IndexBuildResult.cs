namespace Search.Core.Indexing;

/// <summary>One file the builder could not index, and why.</summary>
public sealed record IndexFileError(string Path, string Reason);

/// <summary>Progress of a build: files done out of the total.</summary>
public sealed record IndexBuildProgress(int Done, int Total, string CurrentFile);

/// <summary>What a build did: how many articles, how many had each field, what failed, how long it took.</summary>
public sealed record IndexBuildResult(
    int Articles,
    int WithTitle,
    int WithOutlet,
    int WithSpeakers,
    int WithPublished,
    int Speakers,
    int Quotes,
    IReadOnlyList<IndexFileError> Errors,
    TimeSpan Elapsed);
