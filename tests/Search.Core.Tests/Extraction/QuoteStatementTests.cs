using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

/// <summary>Quotes are statements (#24): made-up sentences.</summary>
public sealed class QuoteStatementTests
{
    private static IReadOnlyList<Quote> Quotes(string body) => SpeakerExtractor.Extract(body).Quotes;

    [Fact]
    public void TitleOfAShowIsNotAQuote()
    {
        var quotes = Quotes("Senator Mara Quillon said on “Breakfast With The Nation” that the vote would pass.");
        Assert.Empty(quotes);
    }

    [Fact]
    public void SloganAndBookTitleAreNotQuotesButTheStatementBesideThemIs()
    {
        var quotes = Quotes("“We stopped building boats and started building car parks,” said Ivo Brannock, whose book “Losing the Harbour: How Towns Forgot the Sea” came out in May.");
        Assert.Equal([new Quote("Ivo Brannock", "We stopped building boats and started building car parks")], quotes);
        Assert.Empty(Quotes("Dana Welk said the crowd chanted “Keep Our Valley Green” all night long."));
    }

    [Fact]
    public void ShortFragmentInsideAParaphraseKeepsItsSource()
    {
        var quotes = Quotes("Mara Quillon said the council “cannot tolerate” further delay.");
        Assert.Equal([new Quote("Mara Quillon", "cannot tolerate")], quotes);
    }

    [Fact]
    public void ShortScareQuoteInAnotherSentenceIsNotAQuote()
    {
        var quotes = Quotes("Mara Quillon said the plan was ready. Critics called the “reform” a gift to developers.");
        Assert.Empty(quotes);
    }

    [Fact]
    public void SecondOfTwoCoordinatedVerbsMakesTheSubjectTheSpeaker()
    {
        var result = SpeakerExtractor.Extract("Oren Valdis walked back to the podium a minute later and declared, “Nothing will stop this campaign.”");
        Assert.Equal(["Oren Valdis"], result.Speakers);
        Assert.Equal([new Quote("Oren Valdis", "Nothing will stop this campaign.")], result.Quotes);
    }

    [Theory]
    [InlineData("Meet the Voters", true)]
    [InlineData("Make Our Town Great Again", true)]
    [InlineData("we will not back down", false)]
    [InlineData("I Will Win", false)]
    [InlineData("NO MORE CUTS", false)]
    public void TitleCaseIsTold(string text, bool expected) => Assert.Equal(expected, SpeakerExtractor.IsTitleCase(text));
}
