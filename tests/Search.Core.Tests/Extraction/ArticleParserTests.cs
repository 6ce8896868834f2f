using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class ArticleParserTests
{
    private const string Page = """
        Connect with us

        Search

        Harbor Authority Approves Dredging Plan

        The harbor authority approved a plan on Tuesday to dredge the main channel before the autumn storms arrive.

        “The channel is too shallow for the new ferries,” said Agnes Moreau, the authority's director.

        via Coastal Times:

        Leave a Reply

        Your email address will not be published.

        Dave K says:

        Dredging is a waste of money and everybody here knows it.
        """;

    [Fact]
    public void CommentSectionIsNotInBody()
    {
        var article = ArticleParser.Parse(new RawArticle { Id = "h", Text = Page });
        Assert.DoesNotContain("waste of money", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave a Reply", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Connect with us", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadlineLineIsTheTitle()
    {
        Assert.Equal("Harbor Authority Approves Dredging Plan", ArticleParser.Parse(new RawArticle { Id = "h", Text = Page }).Title);
    }

    [Fact]
    public void TextStartingWithParagraphHasNoTitle()
    {
        var article = ArticleParser.Parse(new RawArticle { Id = "p", Text = "The harbor authority approved a plan on Tuesday to dredge the main channel before the storms." });
        Assert.Null(article.Title);
    }

    [Fact]
    public void CreditLineGivesCreditAndSourceButNotBody()
    {
        var article = ArticleParser.Parse(new RawArticle { Id = "h", Text = Page });
        Assert.Equal("Coastal Times", article.Credit);
        Assert.Contains("Coastal Times", article.Sources);
        Assert.DoesNotContain("via Coastal Times", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenMetadataWinsOverExtraction()
    {
        var article = ArticleParser.Parse(new RawArticle
        {
            Id = "h",
            Text = Page,
            Title = "Given Headline",
            Outlet = "NYT",
            Published = new DateOnly(2020, 1, 2),
        });
        Assert.Equal("Given Headline", article.Title);
        Assert.Equal("The New York Times", article.Outlet);
        Assert.Equal(new DateOnly(2020, 1, 2), article.Published);
    }

    [Fact]
    public void OutletComesFromUrlHost()
    {
        var article = ArticleParser.Parse(new RawArticle { Id = "h", Text = Page, Url = "https://www.theguardian.com/world/x" });
        Assert.Equal("The Guardian", article.Outlet);
    }

    [Fact]
    public void SpeakersComeFromTheCleanBody()
    {
        var article = ArticleParser.Parse(new RawArticle { Id = "h", Text = Page });
        Assert.Equal(["Agnes Moreau"], article.Speakers);
    }

    [Fact]
    public void NewsletterPromptsAndInlineTeasersAreNotInBody()
    {
        const string text = """
            Storm Closes Mountain Pass

            Heavy snow closed the mountain pass on Sunday, stranding dozens of trucks near the summit overnight.

            READ MORE: Ski resorts brace for a record season

            Sign up for our morning newsletter to get the top stories in your inbox.

            Crews expect to reopen the road by Tuesday if the wind drops as forecast by the weather office.

            12 thoughts on “Storm Closes Mountain Pass”

            Pat on January 9, 2023 at 4:15 pm said:

            Typical, they never plow that road in time.
            """;
        var body = ArticleParser.Parse(new RawArticle { Id = "s", Text = text }).Body;
        Assert.Contains("Crews expect to reopen", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Ski resorts", body, StringComparison.Ordinal);
        Assert.DoesNotContain("newsletter", body, StringComparison.Ordinal);
        Assert.DoesNotContain("never plow", body, StringComparison.Ordinal);
    }

    [Fact]
    public void BylineUnderHeadlineIsNotTheTitle()
    {
        const string text = "Council Delays Budget Vote\n\nBy Maria Ortiz\n\nMarch 4, 2023\n\nThe city council delayed its budget vote again on Friday after a long and heated session downtown.";
        var article = ArticleParser.Parse(new RawArticle { Id = "b", Text = text });
        Assert.Equal("Council Delays Budget Vote", article.Title);
        Assert.Equal(new DateOnly(2023, 3, 4), article.Published);
    }
}

public sealed class TitleExtractorTests
{
    private static string? Title(string text) => ArticleParser.Parse(new RawArticle { Id = "t", Text = text }).Title;

    private const string Story = "\n\nThe harbour reopened on Tuesday after six months of repairs, the port authority said in a statement.\n\nShips queued outside the breakwater for most of the morning as pilots guided them in one at a time.";

    [Fact]
    public void HeadlineIsTheFirstSubstantialLineNotTheStampBeforeTheStory() =>
        Assert.Equal("Harbour reopens after six months of repairs", Title("Skip to content\n\nHarbour reopens after six months of repairs\n\nJane Roe The Example GazetteMay 27, 2019" + Story));

    [Fact]
    public void StandfirstCaptionAndVideoTeaserAfterTheHeadlineAreNotTheTitle() =>
        Assert.Equal("Harbour reopens after six months of repairs", Title("Menu\n\nLocal News\n\nHarbour reopens after six months of repairs\n\nShips will queue for days as the backlog clears\n\nJane Roe\nBy Jane Roe | Example News\nHarbour pilots guide the first ships inVideo" + Story));

    [Fact]
    public void PhotoCreditsRelativeTimesAndCreditListsAreNotTitles()
    {
        Assert.Equal("Harbour reopens after repairs", Title("Harbour reopens after repairs\n\n(Jane Roe/Getty Images)" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("Harbour reopens after repairs\n\n1 hour, 23 minutes ago" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("Harbour reopens after repairs\n\nEXAMPLE TV, EXAMPLE WIRE, CITY OF RIVERTON, PORT AUTHORITY" + Story));
    }

    [Fact]
    public void NoticesAboveTheHeadlineDoNotEndTheHeader()
    {
        Assert.Equal("Harbour reopens after repairs", Title("BREAKING NEWS Example shows live and on-demand -- Download the Example app now!\n\nHarbour reopens after repairs" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("Your web browser is no longer supported. To improve your experience update it here\n\nHarbour reopens after repairs" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("This material may not be published, broadcast, rewritten, or redistributed. ©2020 Example Network, LLC. All rights reserved.\n\nHarbour reopens after repairs" + Story));
    }

    [Fact]
    public void GlyphsFusedBylinesAndKnownOutletSuffixesAreCutFromTheTitle()
    {
        Assert.Equal("Harbour reopens after repairs", Title("× Harbour reopens after repairs" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("0 Harbour reopens after repairs" + Story));
        Assert.Equal("Harbour toll could be low", Title("Harbour toll could be low By JANE ROE and JOHN DOE, Example Writers\n\nHarbour toll could be low By JANE ROE and JOHN DOE, Example Writers" + Story));
        Assert.Equal("Harbour reopens", Title("Harbour reopens | Reuters\n\nHarbour reopens\n\nShips will queue for days as the backlog clears and pilots work double shifts" + Story));
    }

    [Fact]
    public void ClippedAltTextAndWidgetRowsAreNotTitles()
    {
        Assert.Equal("Harbour reopens after repairs", Title("City Weather Today Tomorrow Weekend\nRiverton 21 23 19 18\n\nHarbour reopens after repairs" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("Harbour reopens after repairs\n\nThe mayor opens the harbour\n\nThe mayor opens the harbour gates at a ceremony on the old pier on Tuesday. Photo: Jane Roe" + Story));
    }

    [Fact]
    public void WidgetLinesWithTemplateCodeOrLeadingDatesAreNotTitles() =>
        Assert.Equal("Harbour reopens after repairs", Title("12 March 2024 ${weather.code} Max: 21 °\n\n3 March 2024 Riverton weather and tides today\n\nHarbour reopens after repairs" + Story));

    [Fact]
    public void PageStartingWithTheStoryHasNoTitle() =>
        Assert.Null(Title(Story.TrimStart() + "\n\nShips queue outside the breakwater\n\nMore ships are expected on Wednesday, the port said."));

    [Fact]
    public void SkipLinksMarkupConsentLinesAndMenusAreNotTitles()
    {
        Assert.Equal("Harbour reopens after repairs", Title("Skip to main contentSkip to navigation\n\nHarbour reopens after repairs" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("class=\"post-template single post-123\" itemscope itemtype=\"https://schema.example/Article\"\n\nHarbour reopens after repairs" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("Manage cookies and your privacy settings here\n\nHarbour reopens after repairs" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("Local News | Harbour Sport | Weather | Opinion\n\nHarbour reopens after repairs" + Story));
        Assert.Equal("Harbour reopens after repairs", Title("HomeLocal NewsHarbour SportWeather\n\nHarbour reopens after repairs" + Story));
    }

    [Fact]
    public void PageWithOnlyFurnitureAboveTheStoryHasNoTitle() =>
        Assert.Null(Title("Skip to content Skip to footer menu\n\nAccept all cookies to continue reading" + Story));
}
