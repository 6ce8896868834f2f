using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class IndexBuilderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "builder-tests-" + Guid.NewGuid().ToString("N"));

    private string Input => Path.Combine(_root, "input");

    private string IndexPath => Path.Combine(_root, "index");

    public IndexBuilderTests()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "one.txt"), "A Headline For The First Story\n\nThe first story has a body that is long enough to be a paragraph of text.");
        File.WriteAllText(Path.Combine(Input, "two.txt"), "Second Story Headline Here\n\nThe second story body is also long enough to count as running text here.");
        File.WriteAllText(Path.Combine(Input, "metadata.json"),
            """{ "articles": [ { "file": "one.txt", "url": "https://www.example.org/one", "published": "2022-03-03" } ] }""");
    }

    [Fact]
    public void BuildsOneDocumentPerFileWithMetadata()
    {
        var result = IndexBuilder.BuildFromFolder(Input, IndexPath, null, CancellationToken.None);
        Assert.Equal(2, result.Articles);
        Assert.Equal(1, result.WithPublished);
        using var index = new ArticleIndex(IndexPath);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void EmptyAndBinaryFilesAreReportedAndTheRestIndexed()
    {
        File.WriteAllText(Path.Combine(Input, "empty.txt"), "");
        File.WriteAllBytes(Path.Combine(Input, "junk.txt"), [0x00, 0x01, 0xFF, 0x00]);
        File.WriteAllBytes(Path.Combine(Input, "latin1.txt"), [0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6C, 0xE9]);
        var result = IndexBuilder.BuildFromFolder(Input, IndexPath, null, CancellationToken.None);
        Assert.Equal(2, result.Articles);
        Assert.Equal(["empty.txt", "junk.txt", "latin1.txt"], result.Errors.Select(e => Path.GetFileName(e.Path)).Order());
    }

    [Fact]
    public void FailedBuildLeavesTheExistingIndexUntouched()
    {
        IndexBuilder.BuildFromFolder(Input, IndexPath, null, CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => IndexBuilder.BuildFromFolder(Input, IndexPath, null, cancelled.Token));
        Assert.Throws<DirectoryNotFoundException>(() => IndexBuilder.BuildFromFolder(Path.Combine(_root, "missing"), IndexPath, null, CancellationToken.None));
        using var index = new ArticleIndex(IndexPath);
        Assert.Equal(2, index.Count);
        Assert.Single(Directory.GetDirectories(_root), d => Path.GetFileName(d).StartsWith("index", StringComparison.Ordinal));
    }

    [Fact]
    public void RebuildReplacesTheIndex()
    {
        IndexBuilder.BuildFromFolder(Input, IndexPath, null, CancellationToken.None);
        File.Delete(Path.Combine(Input, "two.txt"));
        IndexBuilder.BuildFromFolder(Input, IndexPath, null, CancellationToken.None);
        using var index = new ArticleIndex(IndexPath);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void ProgressCountsEachArticleOfAJsonLinesFile()
    {
        var lines = Enumerable.Range(1, 5).Select(i =>
            $$"""{"id":"j{{i}}","title":"Story number {{i}}","text":"Body of story {{i}}, long enough to be a paragraph of running text."}""");
        File.WriteAllLines(Path.Combine(Input, "many.jsonl"), lines);
        var reports = new RecordingProgress();
        IndexBuilder.BuildFromFolder(Input, IndexPath, reports, CancellationToken.None);
        // Two text files and five JSON lines: a report per article, counting up, then the final one.
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 7], reports.Values.Select(r => r.Articles));
        Assert.Equal(3, reports.Values[^1].Done);
        Assert.Equal(3, reports.Values[^1].Total);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

/// <summary>Keeps every report, synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class RecordingProgress : IProgress<IndexBuildProgress>
{
    public List<IndexBuildProgress> Values { get; } = [];

    public void Report(IndexBuildProgress value) => Values.Add(value);
}
