using System.Globalization;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>The histogram's coverage share and bounds (#25): each bucket's total, and from/to as the axis.</summary>
public sealed class CoverageShareEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static List<(DateOnly Start, int Count, int Total)> Buckets(JsonElement response) =>
        [.. response.GetProperty("histogram").EnumerateArray().Select(b => (
            DateOnly.Parse(b.GetProperty("start").GetString()!, CultureInfo.InvariantCulture),
            b.GetProperty("count").GetInt32(),
            b.GetProperty("total").GetInt32()))];

    [Fact]
    public async Task EachBucketsTotalIsItsArticlesWithoutTheQuery()
    {
        var all = Buckets(await _client.GetOkJsonAsync("/search?q=&histogram=month&facets=false"));
        Assert.All(all, b => Assert.Equal(b.Count, b.Total));

        var said = Buckets(await _client.GetOkJsonAsync("/search?q=olympics&histogram=month&facets=false"));
        Assert.Contains(said, b => b.Count < b.Total);
        foreach (var bucket in said)
        {
            Assert.InRange(bucket.Count, 0, bucket.Total);
            Assert.Equal(all.Single(b => b.Start == bucket.Start).Total, bucket.Total);
        }
    }

    [Fact]
    public async Task TotalsKeepTheOtherFilters()
    {
        var search = await _client.GetOkJsonAsync("/search?q=&facets=true");
        var outlet = search.GetProperty("facets").GetProperty("outlet")[0].GetProperty("value").GetString()!;
        var filtered = await _client.GetOkJsonAsync("/search?q=said&histogram=year&facets=false&outlet=" + Uri.EscapeDataString(outlet));
        var outletOnly = await _client.GetOkJsonAsync("/search?q=&histogram=year&facets=false&outlet=" + Uri.EscapeDataString(outlet));
        Assert.Equal(Buckets(outletOnly).Sum(b => b.Count), Buckets(filtered).Sum(b => b.Total));
    }

    [Fact]
    public async Task FromAndToSpanTheBucketsWithEmptyEdges()
    {
        var response = await _client.GetOkJsonAsync("/search?q=&histogram=month&facets=false&from=2000-01-15&to=2030-12-20");
        var buckets = Buckets(response);
        Assert.Equal(new DateOnly(2000, 1, 1), buckets[0].Start);
        Assert.Equal(new DateOnly(2030, 12, 1), buckets[^1].Start);
        Assert.Equal(0, buckets[0].Count);
        Assert.Equal(0, buckets[^1].Count);
        Assert.Equal(response.GetProperty("total").GetInt32(), buckets.Sum(b => b.Count));
    }

    [Fact]
    public async Task FourShardsGiveTheSameHistogram()
    {
        using var sharded = new SearchApiFactory { Shards = 4 };
        var client = sharded.CreateClient();
        foreach (var url in new[] { "/search?q=said&histogram=auto&facets=false", "/search?q=&histogram=week&from=2021-06-01&to=2022-12-31&facets=false" })
        {
            var one = await _client.GetOkJsonAsync(url);
            var four = await client.GetOkJsonAsync(url);
            Assert.Equal(one.GetProperty("histogram").ToString(), four.GetProperty("histogram").ToString());
        }
    }
}
