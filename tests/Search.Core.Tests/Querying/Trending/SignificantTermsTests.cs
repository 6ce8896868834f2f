using System.ComponentModel.DataAnnotations;
using Search.Core.Querying;
using Search.Core.Querying.Trending;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying.Trending;

public sealed class SignificantTermsTests
{
    private static readonly string[] Agencies = ["Reuters", "AP", "BBC", "DW"];

    /// <summary>Ten articles about a grain deal among thirty about other things; all mention "said" and "the".</summary>
    private static TestIndex CreateIndex()
    {
        var articles = new List<Search.Core.Articles.Article>();
        for (var i = 0; i < 10; i++)
        {
            articles.Add(Article($"g{i}", $"The Black Sea grain corridor reopened, officials said. Shipment {i} left Odesa port.", title: "Grain corridor deal"));
        }

        for (var i = 0; i < 30; i++)
        {
            articles.Add(Article($"o{i}", $"The city council said the budget vote {i} was delayed again by the mayor.", title: "Budget vote delayed"));
        }

        return new TestIndex([.. articles]);
    }

    [Fact]
    public void WordsAndPairsFrequentInTheMatchesButRareElsewhereAreReported()
    {
        using var index = CreateIndex();
        var response = index.Search("grain", r => r with { Terms = TermsMode.Significant });
        var terms = response.SignificantTerms!.Select(t => t.Term).ToList();
        Assert.Contains("black sea", terms);
        Assert.Contains("corridor", terms);
        Assert.DoesNotContain(terms, t => t.Contains("budget", StringComparison.Ordinal) || t.Contains("council", StringComparison.Ordinal));
        Assert.All(response.SignificantTerms!, t => Assert.True(t.Score > 0 && t.Count > 0));
    }

    [Fact]
    public void StopWordsFurnitureAndTheQueryItselfAreLeftOut()
    {
        using var index = CreateIndex();
        var terms = index.Search("grain", r => r with { Terms = TermsMode.Significant }).SignificantTerms!.Select(t => t.Term).ToList();
        Assert.DoesNotContain("the", terms);
        Assert.DoesNotContain("said", terms);
        Assert.DoesNotContain("grain", terms);
        Assert.DoesNotContain(terms, t => t.Split(' ').Any(w => w.All(char.IsDigit)));
    }

    [Fact]
    public void TermsSpreadEvenlyOverTheWholeIndexAreNotSignificant()
    {
        using var index = CreateIndex();
        var terms = index.Search(null, r => r with { Terms = TermsMode.Significant }).SignificantTerms!;
        Assert.Empty(terms);
    }

    [Fact]
    public void NoTermsAreReturnedUnlessAskedFor()
    {
        using var index = CreateIndex();
        Assert.Null(index.Search("grain").SignificantTerms);
    }

    [Fact]
    public void BackgroundFollowsArticlesWrittenAfterTheFirstSearch()
    {
        using var index = CreateIndex();
        double Corridor() => index.Search("grain", r => r with { Terms = TermsMode.Significant })
            .SignificantTerms!.Where(t => t.Term == "corridor").Select(t => t.Score).DefaultIfEmpty(0).Single();
        var before = Corridor();

        // "corridor" becomes common in articles that do not match the query: it is no longer distinctive of the matches.
        index.Add([.. Enumerable.Range(0, 60).Select(i => Article($"c{i}", $"Traffic in the corridor {i} was slow on Monday.", title: "Corridor traffic"))]);
        var after = Corridor();

        Assert.True(before > 1, $"corridor scored {before} before");
        Assert.True(after < before / 5, $"corridor scored {before} before and {after} after");
    }

    [Fact]
    public void NewestFirstSearchesSampleTheirNewestMatches()
    {
        var articles = new List<Search.Core.Articles.Article>();
        // More matches on each side than the sample reads, so the sample holds only the newest.
        var sides = SignificantTermsFinder.DefaultSample + 20;
        for (var i = 0; i < sides; i++)
        {
            articles.Add(Article($"old{i}", $"Election recount ordered in county {i}.", title: "Election recount", published: new DateOnly(2010, 1, 1).AddDays(i)));
            articles.Add(Article($"new{i}", $"Election debate on climate policy {i}.", title: "Election debate", published: new DateOnly(2024, 1, 1).AddDays(i)));
        }

        for (var i = 0; i < 40; i++)
        {
            articles.Add(Article($"x{i}", $"The museum opened a new wing {i}.", title: "Museum news"));
        }

        using var index = new TestIndex([.. articles]);
        var terms = index.Search("election", r => r with { Terms = TermsMode.Significant, Sort = SearchSort.Newest }).SignificantTerms!
            .Select(t => t.Term).ToList();
        Assert.Contains("debate", terms);
        Assert.DoesNotContain("recount", terms);
    }

    [Fact]
    public void PairsAreCountedInEveryMatchThatHoldsThem()
    {
        // Pairs are only counted once both their words are frequent in the sample; that must not undercount them.
        using var index = CreateIndex();
        var terms = index.Search("grain", r => r with { Terms = TermsMode.Significant }).SignificantTerms!;
        Assert.Equal(10, terms.Single(t => t.Term == "black sea").Count);
        Assert.Equal(10, terms.Single(t => t.Term == "corridor").Count);
    }

    [Fact]
    public void ASingleMatchHasNoTrendingTerms()
    {
        using var index = CreateIndex();
        index.Add(Article("lone", "A lighthouse keeper retired after forty years on the island.", title: "Lighthouse keeper retires"));
        var response = index.Search("lighthouse", r => r with { Terms = TermsMode.Significant });
        Assert.Equal(1, response.Total);
        Assert.Empty(response.SignificantTerms!);
    }

    [Fact]
    public void TheSampleSizeSettingBoundsTheMatchesRead()
    {
        var articles = new List<Search.Core.Articles.Article>();
        for (var i = 0; i < 40; i++)
        {
            articles.Add(Article($"old{i}", $"Election recount ordered in county {i}.", title: "Election recount", published: new DateOnly(2010, 1, 1).AddDays(i)));
            articles.Add(Article($"new{i}", $"Election debate on climate policy {i}.", title: "Election debate", published: new DateOnly(2024, 1, 1).AddDays(i)));
            articles.Add(Article($"x{i}", $"The museum opened a new wing {i}.", title: "Museum news"));
        }

        using var index = new TestIndex([.. articles]);
        List<string> TermsWithSample(int sampleSize)
        {
            using var searcher = new ArticleSearcher(index.Index, new SearchOptions { IndexPath = index.Options.IndexPath, TrendingSampleSize = sampleSize });
            var request = new SearchRequest { Query = "election", Terms = TermsMode.Significant, Sort = SearchSort.Newest };
            return [.. searcher.Search(request, CancellationToken.None).SignificantTerms!.Select(t => t.Term)];
        }

        Assert.DoesNotContain(TermsWithSample(40), t => t.Contains("recount", StringComparison.Ordinal));
        Assert.Contains(TermsWithSample(80), t => t.Contains("recount", StringComparison.Ordinal));
    }

    /// <summary>
    /// Four outlets run one agency story about a zeppelin; four other airship stories have nothing in common. Copies of
    /// the story count once (#25), so "zeppelin" (in the story only) is not a trend of four articles; written as four
    /// different stories, the same word is.
    /// </summary>
    [Fact]
    public void CopiesOfOneWireStoryCountOnceInTheForeground()
    {
        const string wire = "Engineers in Friedrichshafen rolled a new zeppelin out of its hangar on Tuesday, the first airship of its kind "
            + "built in the town for decades, and said test flights over Lake Constance would begin in the spring if the weather allowed.";
        string[] own =
        [
            "A cargo airship startup in Toulouse raised fresh money from investors who expect heavy loads to reach remote mines without roads or runways.",
            "Students at a technical college in Akron restored an airship gondola from the nineteen thirties and will show it at the county fair next month.",
            "An airship carrying scientists drifted over the Arctic sea ice for eleven days measuring how fast the summer melt ponds spread across the floes.",
            "Regulators in Ottawa published draft rules for airship passenger services, covering crew training, mooring masts and insurance for sightseeing trips.",
        ];

        IEnumerable<Search.Core.Articles.Article> Background() => Enumerable.Range(0, 30)
            .Select(i => Article($"b{i}", $"The city council said the budget vote {i} was delayed again by the mayor.", title: "Budget vote delayed"));

        int? ZeppelinCount(IEnumerable<Search.Core.Articles.Article> stories)
        {
            using var index = new TestIndex([.. stories, .. own.Select((text, i) => Article($"own{i}", text)), .. Background()]);
            var terms = index.Search("airship", r => r with { Terms = TermsMode.Significant }).SignificantTerms!;
            return terms.FirstOrDefault(t => t.Term == "zeppelin")?.Count;
        }

        // Four outlets, one story: word for word but for the outlet's own last line.
        Assert.Null(ZeppelinCount(Agencies.Select((outlet, i) => Article($"wire{i}", wire + $" Reporting for {outlet}.", outlet: outlet))));
        // Four stories of their own that happen to share the word.
        string[] stories =
        [
            "A museum in Lakehurst opened a wing about the zeppelin disaster, with letters from survivors and a model airship hanging above the entrance hall.",
            "Collectors paid a record price at an auction in London for a zeppelin menu card printed for the first transatlantic airship crossing in passenger service.",
            "Historians in Rio described the zeppelin mooring tower still standing near the old naval base, built when an airship line linked Germany and Brazil.",
            "A children's book about a lost zeppelin won a prize in Bologna; its author drew every airship by hand from photographs kept in her grandfather's attic.",
        ];
        Assert.Equal(4, ZeppelinCount(stories.Select((text, i) => Article($"z{i}", text))));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(SignificantTermsFinder.MaxSample + 1)]
    public void ASampleSizeOutsideTheAllowedRangeIsRejected(int sampleSize)
    {
        var options = new SearchOptions { TrendingSampleSize = sampleSize };
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }
}
