using OpenQA.Selenium;

namespace Search.Browser.Tests;

/// <summary>The results page: search box, highlighted results, facets, URL state, errors, paging.</summary>
[Collection(SearchPageTestGroup.Name)]
public sealed class SearchPageTests(SearchPageFixture page)
{
    private static readonly string[] PhraseWords = ["grain", "corridor", "grain corridor"];

    [Fact]
    public void PhraseQueryShowsResultsWithMarkedMatches()
    {
        var browser = page.Open("/");
        var box = browser.Find("#q");
        box.SendKeys("\"grain corridor\"" + Keys.Enter);
        browser.Until(() => browser.Find("#status").Text.StartsWith("2 articles", StringComparison.Ordinal), "two results");
        browser.SaveScreenshot("phrase-search");

        Assert.Contains("q=%22grain+corridor%22", browser.Url, StringComparison.Ordinal);
        Assert.Equal(["Ministers agree grain corridor through the Black Sea", "Farmers wait for the grain corridor"],
            browser.FindAll(".hit-title a").Select(a => a.Text).Order().Reverse());
        var marks = browser.FindAll(".snippet mark").Select(m => m.Text.ToLowerInvariant()).ToList();
        Assert.NotEmpty(marks);
        Assert.All(marks, mark => Assert.Contains(mark, PhraseWords));
        Assert.Matches(@"in \d+ ms", browser.Find("#status").Text);
    }

    [Fact]
    public void TypingTheStartOfANameOffersItAsAFieldedSuggestion()
    {
        var browser = page.Open("/");
        browser.Find("#q").SendKeys("grain Ann");
        browser.Until(() => browser.FindAll("#q-suggestions option").Count > 0, "autocomplete options");
        var options = browser.FindAll("#q-suggestions option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("grain speaker:\"Anna Berg\"", options);
    }

    [Fact]
    public void TickingAnOutletNarrowsResultsAndCountsUpdatesTheUrlAndBackUndoesIt()
    {
        var browser = page.Open("/?q=grain");
        Assert.StartsWith("3 articles", browser.Find("#status").Text, StringComparison.Ordinal);
        Assert.Equal(2, FacetCounts(browser, "speaker")["Anna Berg"]);

        // Keyboard: Space on the focused checkbox ticks it.
        Checkbox(browser, "outlet", "Reuters").SendKeys(Keys.Space);
        browser.Until(() => browser.Find("#status").Text.StartsWith("2 articles", StringComparison.Ordinal), "the Reuters results");
        browser.SaveScreenshot("outlet-ticked");

        Assert.Contains("outlet=Reuters", browser.Url, StringComparison.Ordinal);
        Assert.True(Checkbox(browser, "outlet", "Reuters").Selected);
        // Multi-select: the outlet facet still counts the other outlet; the speaker facet follows the filter.
        Assert.Equal(new Dictionary<string, int> { ["Reuters"] = 2, ["BBC News"] = 1 }, FacetCounts(browser, "outlet"));
        var speakers = FacetCounts(browser, "speaker");
        Assert.Equal(1, speakers["Anna Berg"]);
        Assert.False(speakers.ContainsKey("Tom Lind"));
        Assert.All(browser.FindAll(".hit .outlet"), outlet => Assert.Equal("Reuters", outlet.Text));
        Assert.Equal("Reuters", browser.Script("return document.activeElement.dataset.value"));

        browser.Driver.Navigate().Back();
        browser.Until(() => browser.Find("#status").Text.StartsWith("3 articles", StringComparison.Ordinal), "all three results again");
        Assert.DoesNotContain("outlet=", browser.Url, StringComparison.Ordinal);
        Assert.False(Checkbox(browser, "outlet", "Reuters").Selected);
    }

    [Fact]
    public void PickingATimelineBarSetsTheDateRangeAndClearAllRemovesIt()
    {
        var browser = page.Open("/?q=grain");
        browser.FindAll("#timeline rect.bar-hit").Single(b => b.GetAttribute("data-start") == "2022-02-11").Click();
        browser.Until(() => browser.Find("#status").Text.StartsWith("1 article", StringComparison.Ordinal), "the day's result");

        Assert.Contains("from=2022-02-11", browser.Url, StringComparison.Ordinal);
        Assert.Contains("to=2022-02-11", browser.Url, StringComparison.Ordinal);
        Assert.Equal("2022-02-11", browser.Find("#from").GetAttribute("value"));

        browser.Find("#clear-all").Click();
        browser.Until(() => browser.Find("#status").Text.StartsWith("3 articles", StringComparison.Ordinal), "filters cleared");
        Assert.DoesNotContain("from=", browser.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void BackwardsDateRangeIsExplainedBesideTheDates()
    {
        var browser = page.Open("/?q=grain&from=2022-03-01&to=2022-02-01", expectedView: "error");
        Assert.Contains("after", browser.Find("#date-error").Text, StringComparison.Ordinal);
        Assert.Equal("2022-03-01", browser.Find("#from").GetAttribute("value"));
        Assert.False(browser.Find("#q-error").Displayed);
    }

    [Fact]
    public void MalformedQueryShowsTheServersDetailAndKeepsTheQuery()
    {
        var browser = page.Open("/");
        browser.Find("#q").SendKeys("(AND" + Keys.Enter);
        browser.WaitForPage("error");
        browser.SaveScreenshot("bad-query");

        var error = browser.Find("#q-error");
        Assert.True(error.Displayed);
        Assert.Contains("parenthesis", error.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("(AND", browser.Find("#q").GetAttribute("value"));
        Assert.Equal("true", browser.Find("#q").GetAttribute("aria-invalid"));
        Assert.Empty(browser.FindAll(".hit"));

        var box = browser.Find("#q");
        box.Clear();
        box.SendKeys("grain" + Keys.Enter);
        browser.WaitForPage("results");
        Assert.False(browser.Find("#q-error").Displayed);
    }

    [Fact]
    public void ServerErrorIsShownWithAWayToRetry()
    {
        var browser = page.Open("/?q=grain");
        // Stand in for a failing server: the page's next /search answers 500 with a ProblemDetails body.
        browser.Script("""
            window.realFetch = window.fetch;
            window.fetch = () => Promise.resolve(new Response(
                JSON.stringify({ title: 'An error occurred while processing your request.', status: 500 }),
                { status: 500, headers: { 'Content-Type': 'application/problem+json' } }));
            """);
        browser.Find("#search-button").Click();
        browser.WaitForPage("error");
        browser.SaveScreenshot("server-error");

        Assert.Contains("Something went wrong", browser.Find("#message").Text, StringComparison.Ordinal);
        Assert.Contains("(500", browser.Find("#message").Text, StringComparison.Ordinal);
        Assert.False(browser.Find("#q-error").Displayed);
        Assert.Equal("grain", browser.Find("#q").GetAttribute("value"));

        browser.Script("window.fetch = window.realFetch;");
        browser.Find("#message button.retry").Click();
        browser.WaitForPage("results");
        Assert.StartsWith("3 articles", browser.Find("#status").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryWithoutMatchesSaysSo()
    {
        var browser = page.Open("/?q=zeppelin");
        Assert.Equal("No articles found.", browser.Find("#status").Text);
        Assert.Contains("Nothing matches", browser.Find("#message").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PagesAreLinkedAndSurviveReloadOnAPhoneSizedScreen()
    {
        var browser = page.Open("/?q=weather", width: ChromeBrowser.PhoneWidth);
        Assert.Equal(10, browser.FindAll(".hit").Count);
        Assert.Equal("Page 1 of 2", browser.Find("#page-info").Text);
        // Readable at 375 px: nothing forces sideways scrolling.
        Assert.True(Convert.ToInt64(browser.Script("return document.documentElement.scrollWidth"), System.Globalization.CultureInfo.InvariantCulture) <= ChromeBrowser.PhoneWidth);
        browser.SaveScreenshot("phone-results");

        browser.Find("#next-page").Click();
        browser.Until(() => browser.FindAll(".hit").Count == 2, "the second page");
        Assert.Contains("page=2", browser.Url, StringComparison.Ordinal);

        browser.Driver.Navigate().Refresh();
        browser.WaitForPage("results");
        Assert.Equal("Page 2 of 2", browser.Find("#page-info").Text);
        Assert.Equal("weather", browser.Find("#q").GetAttribute("value"));
        browser.Resize(ChromeBrowser.PhoneWidth, 1400);
        browser.Find("#filters summary").Click();
        browser.SaveScreenshot("phone-filters-open");
    }

    private static IWebElement Checkbox(ChromeBrowser browser, string facet, string value) =>
        browser.FindAll($"#facet-{facet} input[type=checkbox]").Single(box => box.GetAttribute("data-value") == value);

    private static Dictionary<string, int> FacetCounts(ChromeBrowser browser, string facet) =>
        browser.FindAll($"#facet-{facet} .facet-value").ToDictionary(
            label => label.FindElement(By.CssSelector("input")).GetAttribute("data-value")!,
            label => int.Parse(label.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture));
}
