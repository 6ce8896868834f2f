using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Search.Shared;

namespace Search.Api.Tests.Invariance;

/// <summary>
/// The first <see cref="ArticleCount"/> AllSides articles loaded through POST /articles/bulk (the product's own ingest:
/// extraction included) into five layouts: one index in corpus order, one index fed in a shuffled order in batches of
/// 250, 2 shards, 4 shards, and 4 shard grains on an in-process Orleans silo. The corpus is the shared data folder
/// (../shared/data beside the clone in CI), found by walking up from the test binaries.
/// </summary>
public sealed class InvarianceLayouts : IAsyncLifetime
{
    public const int ArticleCount = 3_000;

    /// <summary>Articles loaded: <see cref="ArticleCount"/>, or fewer when SEARCH_INVARIANCE_ARTICLES says so (quicker runs while developing).</summary>
    public static int Articles => int.TryParse(Environment.GetEnvironmentVariable("SEARCH_INVARIANCE_ARTICLES"), out var count) && count > 0 ? count : ArticleCount;

    private const int ShuffledBatch = 250;

    /// <summary>Saved before the load on every layout, so every article of the load is matched against them.</summary>
    public static readonly object[] Alerts =
    [
        new { q = "trump", name = "words" },
        new { q = "\"health care\"", name = "phrase" },
        new { q = "court AND (ruling OR decision)", name = "boolean" },
        new { q = "elect*", name = "prefix" },
        new { q = "\"supreme court\"~3", name = "sloppy phrase" },
        new { q = "", name = "every article" },
        new { q = "tax NOT reform", name = "negation" },
        new { q = "speaker:obama", name = "speaker word" },
    ];

    private readonly string _emptySeeds = Path.Combine(Path.GetTempPath(), "search-invariance-seeds-" + Guid.NewGuid().ToString("N"));

    public InvarianceLayouts()
    {
        Directory.CreateDirectory(_emptySeeds);
        Layouts =
        [
            ("one index", new SearchApiFactory { Seeds = _emptySeeds }),
            ("one index, shuffled", new SearchApiFactory { Seeds = _emptySeeds }),
            ("2 shards", new SearchApiFactory { Seeds = _emptySeeds, Shards = 2 }),
            ("4 shards", new SearchApiFactory { Seeds = _emptySeeds, Shards = 4 }),
            ("silo, 4 shard grains", new SearchApiFactory { Seeds = _emptySeeds, Shards = 4, ClusterMode = "Local" }),
        ];
    }

    /// <summary>Per layout, the ids of <see cref="Alerts"/> in their order.</summary>
    public List<List<string>> AlertIds { get; } = [];

    /// <summary>Each layout's name and server; the first is the reference.</summary>
    public IReadOnlyList<(string Name, SearchApiFactory Server)> Layouts { get; }

    /// <summary>The AllSides corpus in the shared data folder, found by walking up from the test binaries.</summary>
    public static string CorpusPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "allsides-news.jsonl.gz");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("shared/data/allsides-news.jsonl.gz not found above " + AppContext.BaseDirectory);
        }
    }

    public async Task InitializeAsync()
    {
        var lines = ReadLines(CorpusPath, Articles);
        var shuffled = lines.ToArray();
        new Random(22).Shuffle(shuffled);
        // One after another: the machine's cores go to each load's extraction in turn.
        foreach (var (name, server) in Layouts)
        {
            var writer = server.CreateWriter();
            // Extraction takes ~10 ms of CPU per article: a load may take minutes on a busy machine.
            writer.Timeout = TimeSpan.FromMinutes(15);
            var ids = new List<string>();
            foreach (var alert in Alerts)
            {
                using var saved = await writer.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative), alert);
                Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
                ids.Add((await saved.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!);
            }

            AlertIds.Add(ids);
            if (name.Contains("shuffled", StringComparison.Ordinal))
            {
                foreach (var batch in shuffled.Chunk(ShuffledBatch))
                {
                    await LoadAsync(writer, batch);
                }
            }
            else
            {
                await LoadAsync(writer, lines);
            }
        }
    }

    private static List<string> ReadLines(string path, int count)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var lines = new List<string>(count);
        while (lines.Count < count && reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static async Task LoadAsync(HttpClient writer, IReadOnlyList<string> lines)
    {
        using var body = new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson");
        using var response = await writer.PostAsync(new Uri("/articles/bulk?refresh=wait", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"status\":\"error\"", results, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        foreach (var (_, server) in Layouts)
        {
            server.Dispose();
        }

        FolderCleanup.DeleteIndex(_emptySeeds);
        return Task.CompletedTask;
    }
}
