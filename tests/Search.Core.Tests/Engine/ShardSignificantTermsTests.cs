using Search.Core.Articles;
using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Trending;
using Xunit.Abstractions;

namespace Search.Core.Tests.Engine;

/// <summary>
/// terms=significant on 2 and 4 shards against one index (#15): the sample is the global best matches, gathered
/// from the shards; foreground and background counts are summed. Equal whenever the sample holds every match;
/// otherwise matches tied at the sample's cut may be picked differently, and the overlap is measured.
/// </summary>
public sealed class ShardSignificantTermsTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[][] Topics =
    [
        ["grain", "corridor", "odesa", "shipment", "wheat", "port", "black", "sea"],
        ["budget", "council", "mayor", "vote", "delay", "city", "hall", "deficit"],
        ["wildfire", "evacuation", "smoke", "firefighters", "canyon", "containment", "acres", "winds"],
        ["vaccine", "trial", "dose", "booster", "regulators", "efficacy", "clinic", "variant"],
        ["tariff", "steel", "imports", "exporters", "quota", "customs", "dumping", "levy"],
        ["election", "ballot", "recount", "county", "precinct", "turnout", "canvass", "certify"],
    ];

    private static readonly string[] Common = ["officials", "monday", "report", "week", "government", "people", "plan", "state", "local", "news"];

    private static readonly int[] MultiShardCounts = [2, 4];

    private readonly ShardedIndexes _indexes = new();

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public async Task SignificantTermsOfShardsEqualOneIndexWhenTheSampleHoldsEveryMatch(int seed)
    {
        var articles = TopicalArticles(seed, 300);
        var single = _indexes.OneIndex(articles);
        var sharded = MultiShardCounts.Select(n => _indexes.Coordinator(_indexes.Open(n, articles))).ToList();
        var random = new Random(seed);
        var (compared, listed) = (0, 0);
        for (var q = 0; q < 50; q++)
        {
            var request = RandomRequest(random);
            var expected = single.Search(request, CancellationToken.None);
            if (expected.Total > new SearchOptions().TrendingSampleSize)
            {
                continue;
            }

            compared++;
            listed += expected.SignificantTerms!.Count > 0 ? 1 : 0;
            foreach (var searcher in sharded)
            {
                var actual = await searcher.SearchAsync(request, FuzzyMode.Off, CancellationToken.None);
                Assert.Equal(expected.SignificantTerms, actual.SignificantTerms);
            }
        }

        Assert.True(compared >= 10, $"only {compared} queries had a sample of every match");
        Assert.True(listed >= compared / 2, $"only {listed} of {compared} answers listed terms");
    }

    [Fact]
    public async Task SignificantTermsOfShardsOverlapOneIndexWhenTheSampleIsCut()
    {
        var articles = TopicalArticles(23, 1500);
        var single = _indexes.OneIndex(articles);
        var sharded = _indexes.Coordinator(_indexes.Open(4, articles));
        var random = new Random(23);
        var (terms, shared, equal, compared) = (0, 0, 0, 0);
        for (var q = 0; q < 40; q++)
        {
            var request = RandomRequest(random);
            var expected = single.Search(request, CancellationToken.None);
            if (expected.Total <= new SearchOptions().TrendingSampleSize)
            {
                continue;
            }

            var actual = await sharded.SearchAsync(request, FuzzyMode.Off, CancellationToken.None);
            var one = expected.SignificantTerms!.Select(t => t.Term).ToList();
            var four = actual.SignificantTerms!.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            compared++;
            equal += one.SequenceEqual(actual.SignificantTerms!.Select(t => t.Term)) ? 1 : 0;
            terms += one.Count;
            shared += one.Count(four.Contains);
        }

        output.WriteLine($"{compared} queries with a cut sample: {shared} of {terms} terms shared, {equal} lists equal");
        // Measured on these articles: see docs/scale-out.md. A tie at the cut swaps a few of 200 sampled
        // articles, which can move a borderline term in or out; the bulk of the list must stay.
        Assert.True(compared >= 10, $"only {compared} queries cut their sample");
        Assert.True(shared >= 0.8 * terms, $"{shared} of {terms} terms shared; {equal} of {compared} lists equal");
    }

    private static SearchRequest RandomRequest(Random random)
    {
        var topic = Topics[random.Next(Topics.Length)];
        var query = random.Next(4) switch
        {
            0 => topic[random.Next(topic.Length)],
            1 => Common[random.Next(Common.Length)],
            2 => $"{topic[random.Next(topic.Length)]} OR {Common[random.Next(Common.Length)]}",
            _ => null,
        };
        return new SearchRequest
        {
            Query = query,
            Sort = (SearchSort)random.Next(3),
            From = random.Next(3) == 0 ? new DateOnly(2024, 6, 1) : null,
            Outlets = random.Next(3) == 0 ? ["Outlet 1"] : [],
            Terms = TermsMode.Significant,
            IncludeFacets = false,
            Size = 5,
        };
    }

    /// <summary>Articles each about one topic (its words, with pairs that repeat) amid common words, so some terms are significant.</summary>
    private static List<Article> TopicalArticles(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(n =>
        {
            var topic = Topics[random.Next(Topics.Length)];
            string Word() => random.Next(2) == 0 ? topic[random.Next(topic.Length)] : Common[random.Next(Common.Length)];
            var body = string.Join(' ', Enumerable.Range(0, random.Next(20, 60)).Select(_ => Word()));
            var title = string.Join(' ', Enumerable.Range(0, 4).Select(_ => Word()));
            var published = new DateOnly(2024, 1, 1).AddDays(random.Next(365));
            return new Article($"t-{n:0000}", null, title, body, $"Outlet {random.Next(4)}", [], [], [], published);
        })];
    }

    public void Dispose() => _indexes.Dispose();
}
