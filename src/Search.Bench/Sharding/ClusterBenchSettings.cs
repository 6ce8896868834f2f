namespace Search.Bench.Sharding;

/// <summary>What the <c>cluster</c> command runs.</summary>
/// <param name="Data">The corpus (gzip JSON lines).</param>
/// <param name="Limit">Use only the first N articles.</param>
/// <param name="Scale">The corpus N times over (distinct ids); queries come from the base corpus.</param>
/// <param name="Mode">How the servers run the shards.</param>
/// <param name="Silos">Silo processes (Redis mode only).</param>
/// <param name="Shards">Shards of the index.</param>
/// <param name="Index">An index built before (e.g. the shard bench's <c>shards-4</c>) to serve instead of ingesting; null: ingest.</param>
/// <param name="PerClass">Queries per class.</param>
/// <param name="Rounds">Timed passes over each class.</param>
/// <param name="Output">Folder for the reports and the index built.</param>
public sealed record ClusterBenchSettings(
    FileInfo Data,
    int Limit,
    int Scale,
    ClusterBenchMode Mode,
    int Silos,
    int Shards,
    DirectoryInfo? Index,
    int PerClass,
    int Rounds,
    DirectoryInfo Output);
