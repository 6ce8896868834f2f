using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

public sealed class RelevanceFeedbackTests
{
    /// <summary>Unrelated articles, so the feedback words are rare enough (df ≤ 10%) to be chosen.</summary>
    private static IEnumerable<Search.Core.Articles.Article> Fillers() =>
        Enumerable.Range(0, 40).Select(i => Article($"filler-{i}", $"Filler story {i} about the weather and traffic on road {i}."));

    [Fact]
    public void ExpansionTermsAreFrequentContentWordsWithWeightsSummingToOne()
    {
        IReadOnlyList<string> first = ["the", "grain", "grain", "wheat", "of", "1999", "x"];
        IReadOnlyList<string> second = ["grain", "harvest", "thi", "wa"];
        var terms = RelevanceFeedback.ExpansionTerms([(first, 2f), (second, 1f)], 10);

        Assert.Equal("grain", terms[0].Term);
        Assert.Equal(1f, terms.Sum(t => t.Weight), 3);
        // Stop words (also as stemmed: "this" → "thi", "was" → "wa"), numbers and single letters are never added.
        Assert.Equal(new HashSet<string> { "grain", "wheat", "harvest" }, terms.Select(t => t.Term).ToHashSet());
    }

    [Fact]
    public void CommonTermsAreLeftOut()
    {
        IReadOnlyList<string> doc = ["grain", "wheat", "harvest"];
        var terms = RelevanceFeedback.ExpansionTerms([(doc, 1f)], 10, isCommon: t => t == "wheat");
        Assert.DoesNotContain(terms, t => t.Term == "wheat");
    }

    [Fact]
    public void PrfReordersByTheTopResultsWordsAndKeepsEveryMatch()
    {
        using var index = new TestIndex([
            .. Fillers(),
            Article("harvest-1", "Grain grain wheat harvest exports."),
            Article("harvest-2", "Grain wheat harvest exports rose."),
            Article("harvest-3", "Wheat harvest, wheat exports, harvest wheat and grain exports."),
            Article("prices", "Grain prices."),
            Article("no-grain", "Wheat harvest exports."),
        ]);

        var plain = index.Search("grain", r => r with { Size = 100 });
        var expanded = index.Search("grain", r => r with { Size = 100, Expansion = QueryExpansion.Prf });

        // The original query stays required: the same articles match, the wheat-harvest article without "grain" does not.
        Assert.Equal(plain.Total, expanded.Total);
        Assert.Equal(plain.Hits.Select(h => h.Id).Order(), expanded.Hits.Select(h => h.Id).Order());
        Assert.DoesNotContain(expanded.Hits, h => h.Id == "no-grain");

        // harvest-3 shares the top results' words (wheat, harvest, exports); "Grain prices." does not: feedback
        // lifts harvest-3 against it.
        static float Ratio(SearchResponse response) =>
            response.Hits.Single(h => h.Id == "harvest-3").Score / response.Hits.Single(h => h.Id == "prices").Score;
        Assert.True(Ratio(expanded) > Ratio(plain));
    }

    [Theory]
    [InlineData("\"grain exports\"")]
    [InlineData("title:grain")]
    [InlineData("grain AND exports")]
    public void PhrasesFieldsAndOperatorsAreNotExpanded(string query)
    {
        using var index = new TestIndex([
            .. Fillers(),
            Article("harvest-1", "Grain exports and the wheat harvest.", title: "Grain"),
            Article("harvest-2", "Grain exports, wheat harvest."),
            Article("prices", "Grain exports prices.", title: "Grain"),
        ]);

        var plain = index.Search(query);
        var expanded = index.Search(query, r => r with { Expansion = QueryExpansion.Prf });
        Assert.Equal(plain.Hits.Select(h => (h.Id, h.Score)), expanded.Hits.Select(h => (h.Id, h.Score)));
    }

    [Fact]
    public void DateSortIsNotExpanded()
    {
        using var index = new TestIndex([.. Fillers(), Article("harvest", "Grain exports and the wheat harvest.")]);
        var expanded = index.Search("grain", r => r with { Sort = SearchSort.Newest, Expansion = QueryExpansion.Prf });
        Assert.Equal(["harvest"], expanded.Hits.Select(h => h.Id));
    }
}
