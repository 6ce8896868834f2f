using System.Globalization;

namespace Search.Browser.Tests;

/// <summary>The researchers' features on the page (#25): coverage share toggle, Quotes-tab facets, CSV download link.</summary>
[Collection(SearchPageTestGroup.Name)]
public sealed class ResearchPageTests(SearchPageFixture page)
{
    private static double Value(OpenQA.Selenium.IWebElement bar) =>
        double.Parse(bar.GetAttribute("data-value") ?? "0", CultureInfo.InvariantCulture);

    [Fact]
    public void TimelineTogglesBetweenCountsAndShareOfCoverage()
    {
        var browser = page.Open("/?q=grain");
        browser.Until(() => browser.FindAll("#timeline rect.bar").Count > 0, "timeline bars");
        Assert.Equal("true", browser.Find("#timeline .timeline-mode[data-mode=count]").GetAttribute("aria-pressed"));
        var counts = browser.FindAll("#timeline rect.bar").Select(Value).ToList();
        Assert.Contains(counts, c => c >= 1);

        browser.Find("#timeline .timeline-mode[data-mode=share]").Click();
        browser.Until(() => browser.Find("#timeline").GetAttribute("data-mode") == "share", "share mode");
        browser.SaveScreenshot("timeline-share");
        var shares = browser.FindAll("#timeline rect.bar").Select(Value).ToList();
        Assert.Equal(counts.Count, shares.Count);
        Assert.All(shares, s => Assert.InRange(s, 0, 1));
        Assert.Contains(shares, s => s > 0);
        Assert.Contains("Share of all coverage", browser.Find("#timeline-summary").Text, StringComparison.Ordinal);

        browser.Find("#timeline .timeline-mode[data-mode=count]").Click();
        browser.Until(() => browser.Find("#timeline").GetAttribute("data-mode") == "count", "counts again");
        Assert.Equal(counts, browser.FindAll("#timeline rect.bar").Select(Value).ToList());
    }

    [Fact]
    public void QuotesTabShowsTheQuoteFacetsWithMultiSelect()
    {
        var browser = page.Open("/");
        browser.Find("#tab-quotes").Click();
        browser.Until(() => browser.FindAll("#quote-hits .quote-hit").Count > 0 && !browser.Find("#facet-source").Displayed, "the quotes and their facets");
        Assert.True(browser.FindAll("#facet-speaker input[type=checkbox]").Count > 1);
        browser.SaveScreenshot("quotes-facets");
        Assert.True(browser.Find("#facet-outlet").Displayed);
        Assert.True(browser.Find("#facet-published").Displayed);
        Assert.NotEmpty(browser.FindAll("#facet-published input[type=checkbox]"));

        var boxes = browser.FindAll("#facet-speaker input[type=checkbox]");
        var first = boxes[0].GetAttribute("data-value")!;
        var otherCount = browser.FindAll("#facet-speaker label.facet-value").Count;
        boxes[0].Click();
        browser.Until(() => browser.Url.Contains("speaker=", StringComparison.Ordinal), "the speaker filter in the URL");
        Assert.Contains("tab=quotes", browser.Url, StringComparison.Ordinal);
        browser.Until(() => browser.FindAll("#facet-speaker input[type=checkbox]:checked").Count == 1, "the ticked speaker");
        // Multi-select: the speaker's own filter does not narrow the speaker counts, so the others stay to be added.
        Assert.Equal(otherCount, browser.FindAll("#facet-speaker label.facet-value").Count);
        browser.Until(() => browser.FindAll("#quote-hits .quote-hit").All(hit => hit.Text.Contains(first, StringComparison.Ordinal)), "only that speaker's quotes");
        browser.SaveScreenshot("quotes-facets-speaker-ticked");
    }

    [Fact]
    public async Task DownloadLinkExportsTheCurrentSearch()
    {
        var browser = page.Open("/?q=grain&sort=newest");
        browser.Until(() => browser.Find("#download-csv").Displayed, "the download link");
        browser.SaveScreenshot("download-link");
        var link = browser.Find("#download-csv");
        Assert.Equal("Download results (CSV)", link.Text);
        var href = new Uri(link.GetAttribute("href")!);
        Assert.Equal("/export", href.AbsolutePath);
        Assert.Contains("q=grain", href.Query, StringComparison.Ordinal);
        Assert.Contains("sort=newest", href.Query, StringComparison.Ordinal);
        Assert.Contains("format=csv", href.Query, StringComparison.Ordinal);

        using var http = new HttpClient();
        var csv = await http.GetStringAsync(href);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,url,title", rows[0], StringComparison.Ordinal);
        var status = browser.Find("#status").Text;
        Assert.StartsWith((rows.Length - 1).ToString(CultureInfo.InvariantCulture) + " article", status, StringComparison.Ordinal);
    }
}
