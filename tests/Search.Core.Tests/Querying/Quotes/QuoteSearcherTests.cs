using Search.Core.Articles;
using Search.Core.Querying;
using Search.Core.Querying.Quotes;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying.Quotes;

public sealed class QuoteSearcherTests
{
    private static TestIndex CreateIndex() => new(
        Article("a", "body a", title: "Talks", outlet: "Wire", speakers: ["Ann Lee", "Bo Chan"], published: new DateOnly(2022, 2, 1), quotes:
        [
            new Quote("Ann Lee", "We will reopen the grain corridor soon"),
            new Quote("Bo Chan", "The corridor is closed for grain today"),
        ]),
        Article("b", "body b", title: "Later talks", outlet: "Daily", speakers: ["Ann Lee"], published: new DateOnly(2022, 3, 1), quotes:
        [
            new Quote("Ann Lee", "Grain exports matter"),
            new Quote("Ann Lee", "The corridor"),
        ]));

    private static QuoteSearchResponse Search(TestIndex index, QuoteSearchRequest request)
    {
        using var searcher = new QuoteSearcher(index.Index, index.Options);
        return searcher.Search(request, CancellationToken.None);
    }

    [Fact]
    public void EachMatchingQuoteIsItsOwnHitWithItsArticle()
    {
        using var index = CreateIndex();
        var response = Search(index, new QuoteSearchRequest { Query = "grain" });
        Assert.Equal(3, response.Total);
        Assert.All(response.Hits, h => Assert.Contains("<mark>grain</mark>", h.Text, StringComparison.OrdinalIgnoreCase));
        var exports = Assert.Single(response.Hits, h => h.Text.Contains("exports", StringComparison.Ordinal));
        Assert.Equal(("b", "Later talks", "Daily", new DateOnly(2022, 3, 1)), (exports.ArticleId, exports.Title, exports.Outlet, exports.Published));
    }

    [Fact]
    public void APhraseNeverSpansTwoQuotes()
    {
        using var index = CreateIndex();
        // "exports matter" ends one quote of article b and "The corridor" is the next: no quote holds "matter the".
        Assert.Equal(0, Search(index, new QuoteSearchRequest { Query = "\"matter the corridor\"" }).Total);
        Assert.Equal(1, Search(index, new QuoteSearchRequest { Query = "\"grain exports\"" }).Total);
    }

    [Fact]
    public void SlopPhraseMatchesWordsApartInsideOneQuote()
    {
        using var index = CreateIndex();
        Assert.Equal(0, Search(index, new QuoteSearchRequest { Query = "\"reopen corridor\"" }).Total);
        var sloppy = Search(index, new QuoteSearchRequest { Query = "\"reopen corridor\"~3" });
        Assert.Equal("Ann Lee", Assert.Single(sloppy.Hits).Speaker);
    }

    [Fact]
    public void SpeakerFilterKeepsOnlyThatSpeakersQuotesAndFacetsCountQuotes()
    {
        using var index = CreateIndex();
        var response = Search(index, new QuoteSearchRequest { Query = "corridor", Speakers = ["Bo Chan"] });
        Assert.Equal("Bo Chan", Assert.Single(response.Hits).Speaker);

        var all = Search(index, new QuoteSearchRequest { Query = "corridor" });
        Assert.Equal([new FacetValue("Ann Lee", 2), new FacetValue("Bo Chan", 1)], all.Facets["speaker"]);
        Assert.Equal([new FacetValue("2022-02", 2), new FacetValue("2022-03", 1)], all.Facets["published"]);
    }

    [Fact]
    public void EachFacetIgnoresItsOwnFilterButNotTheOthers()
    {
        using var index = CreateIndex();
        var response = Search(index, new QuoteSearchRequest { Query = "corridor", Speakers = ["Bo Chan"], Outlets = ["Wire"] });
        Assert.Equal("Bo Chan", Assert.Single(response.Hits).Speaker);
        Assert.Equal(1, response.Total);

        // Speakers: the outlet filter applies (Wire: Ann once, Bo once), the speaker filter does not.
        Assert.Equal([new FacetValue("Ann Lee", 1), new FacetValue("Bo Chan", 1)], response.Facets["speaker"]);
        // Outlets: Bo Chan's corridor quotes only, in every outlet (Bo is quoted in Wire only).
        Assert.Equal([new FacetValue("Wire", 1)], response.Facets["outlet"]);

        var byAnn = Search(index, new QuoteSearchRequest { Query = "corridor", Speakers = ["Ann Lee"], Outlets = ["Wire"] });
        Assert.Equal([new FacetValue("Daily", 1), new FacetValue("Wire", 1)], byAnn.Facets["outlet"]);
        Assert.Equal([new FacetValue("2022-02", 1)], byAnn.Facets["published"]);
    }

    [Fact]
    public void QuoteTextIsEscaped()
    {
        using var index = new TestIndex(Article("x", "b", speakers: ["Eve"], quotes: [new Quote("Eve", "<script>grain</script>")]));
        var hit = Assert.Single(Search(index, new QuoteSearchRequest { Query = "grain" }).Hits);
        Assert.DoesNotContain("<script>", hit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SpeakerProfileCountsQuotesOverTimeAndOutlets()
    {
        using var index = CreateIndex();
        using var searcher = new QuoteSearcher(index.Index, index.Options);
        var profile = searcher.Profile("Ann Lee", CancellationToken.None);
        Assert.Equal((3, 2), (profile.Quotes, profile.Articles));
        Assert.Equal(3, profile.Timeline.Sum(b => b.Count));
        Assert.Equal([new FacetValue("Daily", 2), new FacetValue("Wire", 1)], profile.Outlets);
        Assert.Equal("b", profile.Recent[0].ArticleId);
        Assert.Throws<SpeakerNotFoundException>(() => searcher.Profile("Nobody", CancellationToken.None));
    }
}
