namespace Search.Bench;

/// <summary>What one benchmark run does, from the command line.</summary>
public sealed record BenchSettings(
    FileInfo Data,
    int Limit,
    int Scale,
    DirectoryInfo Out,
    int PerClass,
    int Rounds,
    int Seed,
    int IndexThreads,
    TimeSpan HttpDuration,
    bool SkipHttp,
    FileInfo? DumpHits,
    bool ReuseIndexes = false,
    bool ReuseXapian = false,
    bool BulkOnly = false);
