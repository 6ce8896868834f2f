using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying.Suggestions;

public sealed class SpellingSuggestionTests
{
    private static TestIndex Build() => new(
        Article("games", "The Winter Olympics opened in Beijing as athletes marched into the stadium.", title: "Olympics open"),
        Article("games2", "Olympics officials said the Olympics would go ahead despite the pandemic.", title: "Officials confident"),
        Article("sanctions", "Western governments announced sanctions on Russian banks on Monday.", title: "New sanctions"),
        Article("olympian", "A retired Olympian spoke about training in the mountains.", title: "Olympian speaks"));

    private static SearchResponse Search(TestIndex index, string query, FuzzyMode mode)
    {
        using var assisted = new ArticleSearcher(index.Index, index.Options, SynonymExpander.Empty);
        return assisted.Search(new SearchRequest { Query = query }, mode, CancellationToken.None);
    }

    [Fact]
    public void MisspelledWordSuggestsTheUnstemmedIndexedWord()
    {
        using var index = Build();
        var response = Search(index, "Olympcs", FuzzyMode.Suggest);
        Assert.Equal(0, response.Total);
        Assert.Equal("olympics", response.Suggestion);
        Assert.False(response.SuggestionApplied);
    }

    [Fact]
    public void OnlyTheUnknownWordOfAQueryIsReplaced()
    {
        using var index = Build();
        Assert.Equal("Winter olympics -sanctions", Search(index, "Winter Olympcs -sanctions", FuzzyMode.Suggest).Suggestion);
    }

    [Fact]
    public void KnownWordIsNeverCorrectedEvenWhenACloseWordIsMoreFrequent()
    {
        using var index = Build();
        // "olympian" is in the index (one article); "olympics" is more frequent and close, but the exact word wins.
        var response = Search(index, "olympian", FuzzyMode.Suggest);
        Assert.Null(response.Suggestion);
        Assert.Equal(["olympian"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void AutoModeSearchesWithTheSuggestionWhenNothingMatches()
    {
        using var index = Build();
        var response = Search(index, "sanctons", FuzzyMode.Auto);
        Assert.Equal("sanctions", response.Suggestion);
        Assert.True(response.SuggestionApplied);
        Assert.Equal("sanctons", response.Query);
        Assert.Equal(["sanctions"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void AutoModeKeepsTheOriginalHitsWhenTheQueryMatches()
    {
        using var index = Build();
        var response = Search(index, "sanctions OR Olympcs", FuzzyMode.Auto);
        Assert.Equal("sanctions OR olympics", response.Suggestion);
        Assert.False(response.SuggestionApplied);
        Assert.Equal(["sanctions"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void FieldNamesOperatorsAndFuzzyTermsAreNotCorrected()
    {
        using var index = Build();
        Assert.Null(Search(index, "title:Olympics AND Beijing", FuzzyMode.Suggest).Suggestion);
        Assert.Null(Search(index, "Olympcs~1", FuzzyMode.Suggest).Suggestion);
        Assert.Null(Search(index, "Olympcs", FuzzyMode.Off).Suggestion);
    }

    [Fact]
    public void NoSuggestionWhenNothingIsClose()
    {
        using var index = Build();
        Assert.Null(Search(index, "xylophone", FuzzyMode.Suggest).Suggestion);
    }

    [Fact]
    public void EditDistanceCountsAnAdjacentSwapAsOneEdit()
    {
        Assert.Equal(1, SpellingCorrector.EditDistance("sanctoins", "sanctions"));
        Assert.Equal(2, SpellingCorrector.EditDistance("olympcs", "olympic"));
    }
}
