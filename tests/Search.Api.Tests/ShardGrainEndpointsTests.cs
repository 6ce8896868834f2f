namespace Search.Api.Tests;

/// <summary>
/// The features added across shards (#15: timelines, trending terms, quotes, speaker pages, degraded health) through
/// shard grains on an in-process Orleans silo: every message crosses the grain interface and its serializer, and the
/// answers are one index's.
/// </summary>
public sealed class ShardGrainEndpointsTests(ShardedServers servers) : IClassFixture<ShardedServers>
{
    private readonly HttpClient _single = servers.OneIndex.CreateClient();
    private readonly HttpClient _grains = servers.Grains.CreateClient();

    [Fact]
    public async Task ShardGrainsAnswerTimelinesTermsQuotesAndSpeakersAsOneIndex()
    {
        var health = await _grains.GetOkJsonAsync("/health");
        Assert.Equal(("ok", 4), (health.GetProperty("status").GetString(), health.GetProperty("shards").GetInt32()));

        const string Timeline = "/search?q=president&histogram=month&facets=false";
        var expected = await _single.GetOkJsonAsync(Timeline);
        var actual = await _grains.GetOkJsonAsync(Timeline);
        Assert.Equal(expected.GetProperty("histogram").GetRawText(), actual.GetProperty("histogram").GetRawText());

        // Searches with few enough matches for the sample to hold them all, and some terms: those must be one index's exactly.
        var exact = 0;
        foreach (var q in new[] { "", "president", "war", "trump", "biden", "economy", "election", "court" })
        {
            var terms = "/search?terms=significant&facets=false&q=" + q;
            expected = await _single.GetOkJsonAsync(terms);
            if (expected.GetProperty("total").GetInt32() <= 100 && expected.GetProperty("significantTerms").GetArrayLength() > 0)
            {
                exact++;
                Assert.Equal(expected.GetProperty("significantTerms").GetRawText(), (await _grains.GetOkJsonAsync(terms)).GetProperty("significantTerms").GetRawText());
            }
        }

        Assert.True(exact > 0, "no search had a whole sample with terms");

        var quotes = await _single.GetOkJsonAsync("/quotes?q=&size=7");
        Assert.Equal(quotes.GetRawText(), (await _grains.GetOkJsonAsync("/quotes?q=&size=7")).GetRawText());
        var speaker = "/speakers/" + Uri.EscapeDataString(quotes.GetProperty("hits")[0].GetProperty("speaker").GetString()!);
        Assert.Equal((await _single.GetOkJsonAsync(speaker)).GetRawText(), (await _grains.GetOkJsonAsync(speaker)).GetRawText());
    }
}
