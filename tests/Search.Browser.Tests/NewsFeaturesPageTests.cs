using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace Search.Browser.Tests;

/// <summary>The news features on the page: timeline, trending terms, quotes tab, speaker pages, did-you-mean, story copies, source facet, cursor paging.</summary>
[Collection(SearchPageTestGroup.Name)]
public sealed class NewsFeaturesPageTests(SearchPageFixture page)
{
    private static IWebElement Bar(ChromeBrowser browser, string start) =>
        browser.FindAll("#timeline rect.bar-hit").Single(b => b.GetAttribute("data-start") == start);

    [Fact]
    public void TimelineIsAnImageWithASummaryInsteadOfMonthCheckboxes()
    {
        var browser = page.Open("/?q=grain");
        browser.Until(() => browser.FindAll("#timeline rect.bar-hit").Count > 0, "timeline bars");
        browser.SaveScreenshot("timeline");
        var chart = browser.Find("#timeline svg");
        Assert.Equal("img", chart.GetAttribute("role"));
        var summary = browser.Find("#" + chart.GetAttribute("aria-labelledby")).Text;
        Assert.Contains("3 dated articles", summary, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("#facet-month input[type=checkbox]"));
    }

    [Fact]
    public void ClickingABarSetsTheDateRangeToThatBucket()
    {
        var browser = page.Open("/?q=grain");
        browser.Until(() => browser.FindAll("#timeline rect.bar-hit").Count > 0, "timeline bars");
        Bar(browser, "2022-02-10").Click();
        browser.Until(() => browser.Find("#status").Text.StartsWith("1 article", StringComparison.Ordinal), "the one article of that day");
        Assert.Contains("from=2022-02-10", browser.Url, StringComparison.Ordinal);
        Assert.Contains("to=2022-02-10", browser.Url, StringComparison.Ordinal);
        // The date filter does not narrow its own chart: every bar is still there, the picked one selected.
        Assert.Equal(3, browser.FindAll("#timeline rect.bar").Count(b => b.GetAttribute("height") != "0"));
        Assert.Single(browser.FindAll("#timeline rect.bar.selected"));
        browser.SaveScreenshot("timeline-bar-picked");
    }

    [Fact]
    public void DraggingAcrossBarsSetsTheRangeTheySpan()
    {
        var browser = page.Open("/?q=grain");
        browser.Until(() => browser.FindAll("#timeline rect.bar-hit").Count > 0, "timeline bars");
        new Actions(browser.Driver).ClickAndHold(Bar(browser, "2022-02-10")).MoveToElement(Bar(browser, "2022-02-11")).Release().Perform();
        browser.Until(() => browser.Url.Contains("to=2022-02-11", StringComparison.Ordinal), "the dragged range");
        Assert.Contains("from=2022-02-10", browser.Url, StringComparison.Ordinal);
        browser.Until(() => browser.Find("#status").Text.StartsWith("2 articles", StringComparison.Ordinal), "two February articles");
    }

    [Fact]
    public void BarsAreReachableByKeyboard()
    {
        var browser = page.Open("/?q=grain");
        browser.Until(() => browser.FindAll("#timeline rect.bar-hit").Count > 0, "timeline bars");
        var first = browser.FindAll("#timeline rect.bar-hit[tabindex='0']").Single();
        Assert.Equal("2022-02-10", first.GetAttribute("data-start"));
        browser.Script("arguments[0].focus()", first);
        new Actions(browser.Driver).SendKeys(Keys.ArrowRight).SendKeys(Keys.Enter).Perform();
        browser.Until(() => browser.Url.Contains("from=2022-02-11", StringComparison.Ordinal), "the next day picked by keyboard");
        browser.Until(() => browser.Find("#status").Text.StartsWith("1 article", StringComparison.Ordinal), "one article");
    }

    [Fact]
    public void TrendingChipAddsItsTermToTheQuery()
    {
        var browser = page.Open("/?q=grain");
        browser.Until(() => browser.FindAll("#trending .trending-chip").Count > 0, "trending chips");
        browser.SaveScreenshot("trending-chips");
        var chip = browser.FindAll("#trending .trending-chip")[0];
        var term = chip.GetAttribute("data-term") ?? "";
        Assert.NotEqual("grain", term);
        chip.Click();
        browser.Until(() => browser.Find("#q").GetAttribute("value") != "grain", "the query with the term");
        Assert.StartsWith("grain ", browser.Find("#q").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Contains(term.Split(' ')[0], browser.Find("#q").GetAttribute("value"), StringComparison.Ordinal);
    }

    [Fact]
    public void QuotesTabPagesThroughMoreQuotesThanOnePageHolds()
    {
        var browser = page.Open("/?q=rain");
        browser.Find("#tab-quotes").Click();
        browser.Until(() => browser.FindAll("#quote-hits .quote-hit").Count == 10, "a first page of ten quotes");
        Assert.Equal("Page 1 of 2", browser.Find("#quote-page-info").Text);
        Assert.False(browser.Find("#quote-prev").Displayed);

        browser.Find("#quote-next").Click();
        browser.Until(() => browser.FindAll("#quote-hits .quote-hit").Count == 2, "the two quotes of page 2");
        browser.SaveScreenshot("quotes-page-2");
        Assert.Contains("page=2", browser.Url, StringComparison.Ordinal);
        Assert.Contains("tab=quotes", browser.Url, StringComparison.Ordinal);
        Assert.Equal("Page 2 of 2", browser.Find("#quote-page-info").Text);
        Assert.False(browser.Find("#quote-next").Displayed);

        browser.Find("#quote-prev").Click();
        browser.Until(() => browser.FindAll("#quote-hits .quote-hit").Count == 10, "page 1 again");
        Assert.DoesNotContain("page=2", browser.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotesTabListsEachQuoteAndItsSpeakerLinksToTheSpeakerPage()
    {
        var browser = page.Open("/?q=corridor");
        browser.Find("#tab-quotes").Click();
        browser.Until(() => browser.FindAll("#quote-hits .quote-hit").Count > 0, "quote results");
        browser.SaveScreenshot("quotes-tab");
        Assert.Contains("tab=quotes", browser.Url, StringComparison.Ordinal);
        Assert.Equal("corridor", browser.Find("#quote-hits .quote-text mark").Text.ToLowerInvariant());
        Assert.Equal("Anna Berg", browser.Find("#quote-hits .speaker-link").Text);

        browser.Find("#quote-hits .speaker-link").Click();
        browser.Until(() => browser.FindAll("#speaker-view .speaker-name").Count > 0 && browser.Find("#speaker-view").Displayed, "the speaker page");
        browser.SaveScreenshot("speaker-page");
        Assert.Equal("Anna Berg", browser.Find("#speaker-view .speaker-name").Text);
        Assert.Contains("1 quote", browser.Find("#speaker-view .meta").Text, StringComparison.Ordinal);
        Assert.Single(browser.FindAll("#speaker-view .quote-hit"));
    }

    [Fact]
    public void SpeakerChipOfAResultLinksToTheSpeakerPage()
    {
        var browser = page.Open("/?q=silos");
        browser.Find(".hit a.speaker-page-link").Click();
        browser.Until(() => browser.FindAll("#speaker-view .speaker-name").Count > 0 && browser.Find("#speaker-view").Displayed, "the speaker page");
        Assert.Contains("speakerPage=", browser.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspelledQueryOffersDidYouMeanAsALink()
    {
        var browser = page.Open("/?q=corridr");
        browser.Until(() => browser.FindAll("#suggestion a").Count > 0, "did you mean");
        browser.SaveScreenshot("did-you-mean");
        Assert.Equal("corridor", browser.Find("#suggestion a").Text);
        browser.Find("#suggestion a").Click();
        browser.Until(() => browser.Find("#status").Text.StartsWith("3 articles", StringComparison.Ordinal), "the corrected search");
        Assert.Equal("corridor", browser.Find("#q").GetAttribute("value"));
    }

    [Fact]
    public void StoryCollapseToggleFoldsCopiesAndNamesTheirOutlets()
    {
        var browser = page.Open("/?q=volcano");
        Assert.StartsWith("2 articles", browser.Find("#status").Text, StringComparison.Ordinal);
        browser.Find("#collapse").Click();
        browser.Until(() => browser.FindAll(".hit .story-copies").Count == 1, "one folded story");
        browser.SaveScreenshot("story-collapse");
        Assert.Contains("collapse=story", browser.Url, StringComparison.Ordinal);
        Assert.Single(browser.FindAll(".hit"));
        Assert.Matches(@"^\+1 copy: (CBS News|AP News)$", browser.Find(".hit .story-copies").Text);
    }

    [Fact]
    public void SourceFacetFiltersByCreditedSource()
    {
        var browser = page.Open("/");
        var box = browser.FindAll("#facet-source input[type=checkbox]").Single(b => b.GetAttribute("data-value") == "Associated Press");
        box.Click();
        browser.Until(() => browser.Find("#status").Text.StartsWith("2 articles", StringComparison.Ordinal), "the two sourced articles");
        Assert.Contains("source=Associated", browser.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void NextPageFollowsTheCursor()
    {
        var browser = page.Open("/?q=weather");
        var firstPage = browser.FindAll(".hit-title a").Select(a => a.Text).ToList();
        browser.Find("#next-page").Click();
        browser.Until(() => browser.Url.Contains("after=", StringComparison.Ordinal) && browser.FindAll(".hit-title a").Count == 2, "the second page");
        browser.SaveScreenshot("cursor-page");
        Assert.Empty(browser.FindAll(".hit-title a").Select(a => a.Text).Intersect(firstPage));
    }
}
