using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

public sealed class FacetTests : IDisposable
{
    private static readonly DateOnly Feb4 = new(2022, 2, 4);
    private static readonly DateOnly Mar2 = new(2022, 3, 2);

    private readonly TestIndex _index = new(
        Article("1", "Olympics opening in Beijing", outlet: "CNN", speakers: ["Xi Jinping"], published: Feb4),
        Article("2", "Olympics and NATO", outlet: "CNN", speakers: ["Vladimir Putin", "Xi Jinping"], published: Feb4));

    public FacetTests()
    {
        // A second commit makes a second segment, so counts must go through the ordinal map.
        _index.Add(
            Article("3", "Olympics closing ceremony", outlet: "BBC News", speakers: ["Vladimir Putin"], published: Mar2),
            Article("4", "Olympics medal table", outlet: "Reuters", published: Mar2),
            Article("5", "Unrelated trade story", outlet: "Reuters", speakers: ["Xi Jinping"], published: Mar2));
    }

    private static Dictionary<string, int> Counts(SearchResponse response, string facet) =>
        response.Facets[facet].ToDictionary(v => v.Value, v => v.Count);

    [Fact]
    public void FacetCountsCoverEveryMatchNotJustThePage()
    {
        var response = _index.Search("olympics", r => r with { Size = 1 });
        Assert.Single(response.Hits);
        Assert.Equal(new Dictionary<string, int> { ["CNN"] = 2, ["BBC News"] = 1, ["Reuters"] = 1 }, Counts(response, "outlet"));
        Assert.Equal(new Dictionary<string, int> { ["Xi Jinping"] = 2, ["Vladimir Putin"] = 2 }, Counts(response, "speaker"));
        Assert.Equal(new Dictionary<string, int> { ["2022-02"] = 2, ["2022-03"] = 2 }, Counts(response, "published"));
    }

    [Fact]
    public void FacetValuesAreSortedByCountThenValue()
    {
        var values = _index.Search("olympics").Facets["outlet"].Select(v => v.Value).ToList();
        Assert.Equal(["CNN", "BBC News", "Reuters"], values);
    }

    [Fact]
    public void OutletFacetCountsIgnoreTheOutletFilter()
    {
        var response = _index.Search("olympics", r => r with { Outlets = ["CNN"] });
        Assert.Equal(2, response.Total);
        Assert.All(response.Hits, h => Assert.Equal("CNN", h.Outlet));
        // Multi-select: the other outlets still show what ticking them would add.
        Assert.Equal(new Dictionary<string, int> { ["CNN"] = 2, ["BBC News"] = 1, ["Reuters"] = 1 }, Counts(response, "outlet"));
        // Other facets follow the outlet filter.
        Assert.Equal(new Dictionary<string, int> { ["Xi Jinping"] = 2, ["Vladimir Putin"] = 1 }, Counts(response, "speaker"));
    }

    [Fact]
    public void ValuesOfOneFacetAreOredAndFacetsAreAnded()
    {
        Assert.Equal(3, _index.Search("olympics", r => r with { Outlets = ["CNN", "BBC News"] }).Total);
        var both = _index.Search("olympics", r => r with { Outlets = ["CNN", "BBC News"], Speakers = ["Vladimir Putin"] });
        Assert.Equal(["2", "3"], both.Hits.Select(h => h.Id).Order());
        Assert.Equal(new Dictionary<string, int> { ["CNN"] = 1, ["BBC News"] = 1 }, Counts(both, "outlet"));
    }

    [Fact]
    public void DateFilterIsInclusiveAndMonthFacetIgnoresIt()
    {
        var response = _index.Search(null, r => r with { From = Feb4, To = Feb4 });
        Assert.Equal(["1", "2"], response.Hits.Select(h => h.Id).Order());
        Assert.Equal(new Dictionary<string, int> { ["2022-02"] = 2, ["2022-03"] = 3 }, Counts(response, "published"));
        Assert.Equal(3, _index.Search(null, r => r with { From = Mar2 }).Total);
        Assert.Equal(2, _index.Search(null, r => r with { To = Mar2.AddDays(-1) }).Total);
    }

    [Fact]
    public void DeletedArticlesLeaveTheCounts()
    {
        _index.Index.Delete("2");
        _index.Index.Commit();
        _index.Index.Refresh();
        var response = _index.Search("olympics");
        Assert.Equal(new Dictionary<string, int> { ["CNN"] = 1, ["BBC News"] = 1, ["Reuters"] = 1 }, Counts(response, "outlet"));
    }

    public void Dispose() => _index.Dispose();
}
