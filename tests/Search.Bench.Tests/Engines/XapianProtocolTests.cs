using System.Text.Json.Nodes;
using Search.Bench.Engines;
using Search.Bench.Queries;
using Search.Core.Articles;

namespace Search.Bench.Tests.Engines;

/// <summary>The Xapian peer's line protocol, checked without Xapian: what the bench sends and how it reads answers.</summary>
public sealed class XapianProtocolTests
{
    [Fact]
    public void AnArticleWithLineBreaksStaysOneLine()
    {
        var article = new Article("a1", null, "Title", "First line.\nSecond line.\r\nThird.", "Outlet", [], [], [], new DateOnly(2021, 3, 4));
        var line = XapianProtocol.Article(article);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        var parsed = JsonNode.Parse(line)!;
        Assert.Equal("First line.\nSecond line.\r\nThird.", parsed["body"]!.GetValue<string>());
        Assert.Equal("2021-03-04", parsed["published"]!.GetValue<string>());
    }

    [Fact]
    public void AnArticleCarriesItsExtractedSpeakersAndSources()
    {
        var article = new Article("a2", null, "Title", "Body.", "Outlet", ["Reuters"], ["Joe Biden", "Nancy Pelosi"], [], null);
        var parsed = JsonNode.Parse(XapianProtocol.Article(article))!;
        Assert.Equal(["Joe Biden", "Nancy Pelosi"], parsed["speakers"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["Reuters"], parsed["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void AQueryCarriesTheWorkOfItsClass()
    {
        var facets = JsonNode.Parse(XapianProtocol.Query(new BenchQuery(QueryClass.PhraseWithFacets, ["white", "house"], true, 0, null, 1)))!;
        Assert.Equal("query", facets["op"]!.GetValue<string>());
        Assert.Equal(["white", "house"], facets["words"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.True(facets["phrase"]!.GetValue<bool>());
        Assert.True(facets["facets"]!.GetValue<bool>());
        Assert.Equal("relevance", facets["sort"]!.GetValue<string>());

        var byDate = JsonNode.Parse(XapianProtocol.Query(new BenchQuery(QueryClass.SortByDate, ["vote"], false, 0, "CNN", 3)))!;
        // The four facets on every class, as /search counts them by default (#23).
        Assert.True(byDate["facets"]!.GetValue<bool>());
        Assert.Equal("date", byDate["sort"]!.GetValue<string>());
        Assert.Equal("CNN", byDate["outlet"]!.GetValue<string>());
        Assert.Equal(3, byDate["page"]!.GetValue<int>());
    }

    [Fact]
    public void AnAnswerGivesIdsTotalFacetsAndThePeersOwnTime()
    {
        var outcome = XapianProtocol.Outcome("""{"total": 1234, "ids": ["x", "y"], "facets": 17, "ms": 0.42}""");
        Assert.Equal(["x", "y"], outcome.Ids);
        Assert.Equal(1234, outcome.Total);
        Assert.Equal(17, outcome.FacetValues);
        Assert.Equal(0.42, outcome.EngineMs);
    }

    [Theory]
    [InlineData("""{"error": "ValueError: open an index first"}""", "open an index first")]
    [InlineData("Traceback (most recent call last):", "not JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("""{"ids": []}""", "no 'total'")]
    public void AFailedOrMalformedAnswerThrowsWithTheReason(string line, string reason)
    {
        var error = Assert.Throws<XapianPeerException>(() => XapianProtocol.Outcome(line));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APeerThatEndedWithoutAnsweringThrows() =>
        Assert.Throws<XapianPeerException>(() => XapianProtocol.Answer(null));
}
