namespace Search.Core.Indexing;

/// <summary>One file the builder could not index, and why.</summary>
public sealed record IndexFileError(string Path, string Reason);

/// <summary>
/// Progress of a build, reported after every article: articles read so far, and files started out of the total.
/// Articles are the unit because one JSON Lines file can hold a whole corpus, so a file count stands still for minutes.
/// </summary>
/// <param name="Articles">Articles read so far (indexed or queued for the next batch).</param>
/// <param name="Done">Files finished.</param>
/// <param name="Total">Files in the input folder.</param>
/// <param name="CurrentFile">Name of the file being read ("" once done).</param>
public sealed record IndexBuildProgress(int Articles, int Done, int Total, string CurrentFile);

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
