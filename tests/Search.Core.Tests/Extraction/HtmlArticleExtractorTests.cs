using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class HtmlArticleExtractorTests
{
    private const string Html = """
        <html><head><title>Orchard Frost Hits Growers | Valley Ledger</title>
        <meta property="og:site_name" content="Valley Ledger">
        <meta property="article:published_time" content="2024-04-02T08:30:00-05:00">
        <link rel="canonical" href="https://valleyledger.example/frost">
        </head><body>
        <nav><a>Home</a><a>Sports</a></nav>
        <div class="content has-sidebar"><article>
        <h1>Orchard Frost Hits Growers</h1>
        <div class="social-share">Share this on Facebook</div>
        <p>A late frost damaged apple blossoms across the valley overnight, growers said on Monday morning.</p>
        <p>“Half the crop could be gone,” said Ruth Calloway, who runs a family orchard.</p>
        </article>
        <div class="related-posts"><p>Teaser for another story that must not be indexed.</p></div>
        <div id="comments"><p>Greg says: the weather service never gets it right.</p></div>
        </div><footer><p>Contact us</p></footer></body></html>
        """;

    [Fact]
    public void MetadataComesFromMetaTags()
    {
        var page = HtmlArticleExtractor.Extract(Html);
        Assert.Equal("Valley Ledger", page.SiteName);
        Assert.Equal(new DateOnly(2024, 4, 2), page.Published);
        Assert.Equal("https://valleyledger.example/frost", page.Url);
        Assert.Equal("Orchard Frost Hits Growers", page.Title);
    }

    [Fact]
    public void FurnitureBlocksAreDropped()
    {
        var text = HtmlArticleExtractor.Extract(Html).Text;
        Assert.Contains("late frost damaged", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Teaser", text, StringComparison.Ordinal);
        Assert.DoesNotContain("weather service", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact us", text, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLdHeadlineAndDateWin()
    {
        const string html = """
            <html><head><meta property="og:title" content="Social title">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Structured Headline","datePublished":"2022-08-15T12:00:00Z","publisher":{"@type":"Organization","name":"Reuters"}}]}</script>
            </head><body><main><p>Body paragraph of the article that is long enough to stand as text here.</p></main></body></html>
            """;
        var page = HtmlArticleExtractor.Extract(html);
        Assert.Equal("Structured Headline", page.Title);
        Assert.Equal(new DateOnly(2022, 8, 15), page.Published);
        Assert.Equal("Reuters", page.SiteName);
    }

    [Fact]
    public void HtmlRawArticleParsesThroughTheSamePipeline()
    {
        var article = ArticleParser.Parse(new RawArticle { Id = "frost", Text = "", Html = Html });
        Assert.Equal("Valley Ledger", article.Outlet);
        Assert.Equal(["Ruth Calloway"], article.Speakers);
        Assert.DoesNotContain("Orchard Frost Hits Growers", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void RunOnFurnitureClassNamesAreDropped()
    {
        const string html = """
            <html><body><article><div class="entry-content">
            <p>The county opened its new library branch on Saturday with a reading by local schoolchildren.</p>
            <div id="jp-relatedposts" class="jp-relatedposts"><p>Budget hearing set for next week</p></div>
            <ol class="commentlist"><li>Sam: finally, it took them ten years to build this thing.</li></ol>
            </div></article></body></html>
            """;
        var text = HtmlArticleExtractor.Extract(html).Text;
        Assert.Contains("new library branch", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Budget hearing", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ten years", text, StringComparison.Ordinal);
    }
}
