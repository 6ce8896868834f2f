using System.IO.Compression;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class MixedInputIndexingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mixed-input-tests-" + Guid.NewGuid().ToString("N"));

    private string Input => Path.Combine(_root, "input");

    private string IndexPath => Path.Combine(_root, "index");

    public MixedInputIndexingTests()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "page.html"), """
            <html><head><meta property="og:site_name" content="Valley Ledger"></head><body>
            <article><h1>Orchard Frost Hits Growers</h1>
            <p>“Half the crop could be gone,” said Ruth Calloway, who runs a family orchard in the valley.</p></article>
            <section class="comments"><p>Greg says: nobody should read this comment about zeppelins.</p></section>
            </body></html>
            """);
        var lines = """
            {"id":"j1","title":"Ferry Service Resumes","outlet":"Reuters","published":"2021-03-04","text":"Ferry service resumed on Thursday after a week of storms kept boats in port along the coast."}
            {"id":"j2","url":"https://www.bbc.co.uk/news/x","html":"<html><body><article><h1>Rail Strike Ends</h1><p>The rail strike ended after unions accepted the offer, officials said on Friday night.</p></article></body></html>"}
            this line is not json
            """;
        File.WriteAllText(Path.Combine(Input, "batch.jsonl"), lines);
        using (var gz = new GZipStream(File.Create(Path.Combine(Input, "more.jsonl.gz")), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gz))
        {
            writer.WriteLine("""{"id":"g1","text":"A compressed article body that is long enough to be a paragraph of running text."}""");
        }

        File.WriteAllBytes(Path.Combine(Input, "junk.html"), [0x00, 0x9F, 0x00]);
    }

    [Fact]
    public void HtmlAndJsonLinesIndexAndBadInputIsReported()
    {
        var result = IndexBuilder.BuildFromFolder(Input, IndexPath, null, CancellationToken.None);
        Assert.Equal(4, result.Articles);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => Path.GetFileName(e.Path) == "batch.jsonl" && e.Reason.StartsWith("line 3", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => Path.GetFileName(e.Path) == "junk.html");

        using var index = new ArticleIndex(IndexPath);
        Assert.Equal(4, index.Count);
    }

    [Fact]
    public void HtmlCommentsAreNotSearchableAndMetadataIsKept()
    {
        IndexBuilder.BuildFromFolder(Input, IndexPath, null, CancellationToken.None);
        using var index = new ArticleIndex(IndexPath);
        var searcher = new Search.Core.Querying.ArticleSearcher(index, new SearchOptions { IndexPath = IndexPath });
        Assert.Empty(searcher.Search(new Search.Core.Querying.SearchRequest { Query = "zeppelins" }, CancellationToken.None).Hits);
        var orchard = Assert.Single(searcher.Search(new Search.Core.Querying.SearchRequest { Query = "orchard" }, CancellationToken.None).Hits);
        Assert.Equal("Valley Ledger", orchard.Outlet);
        var rail = Assert.Single(searcher.Search(new Search.Core.Querying.SearchRequest { Query = "rail" }, CancellationToken.None).Hits);
        Assert.Equal("BBC News", rail.Outlet);
        Assert.Equal("Rail Strike Ends", rail.Title);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
