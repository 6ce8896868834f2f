using System.Net.Http.Json;

namespace Search.Browser.Tests;

/// <summary>The alerts panel: "Save this search", then a count of new matches once a matching article arrives.</summary>
[Collection(SearchPageTestGroup.Name)]
public sealed class AlertsPanelTests(SearchPageFixture page)
{
    [Fact]
    public async Task SavedSearchCountsANewMatchingArticleAndOpeningItMarksItRead()
    {
        var browser = page.Open("/?q=volcano");
        browser.Find("#save-search").Click();
        browser.Until(() => browser.Find("#alerts-status").Text.Contains("Enter the API key", StringComparison.Ordinal), "the missing-key message");

        browser.Find("#api-key").SendKeys(SearchPageServer.ApiKey);
        browser.Find("#save-search").Click();
        browser.Until(() => browser.Find("#alerts-status").Text.StartsWith("Saved", StringComparison.Ordinal), "the saved message");
        browser.Until(() => AlertItem(browser, "volcano") is not null, "the alert in the list");
        Assert.Equal("no new", AlertItem(browser, "volcano")!.FindElement(OpenQA.Selenium.By.CssSelector(".alert-count")).Text);

        using var client = new HttpClient { BaseAddress = page.Server.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchPageServer.ApiKey);
        var written = await client.PostAsJsonAsync(new Uri("/articles", UriKind.Relative),
            new { id = "volcano-1", text = "Volcano Erupts\n\nThe volcano erupted on Sunday, covering the village in ash." });
        written.EnsureSuccessStatusCode();

        browser.Until(() => AlertItem(browser, "volcano")?.Text.Contains("1 new", StringComparison.Ordinal) == true, "one new match");
        browser.SaveScreenshot("alert-new-match");

        Click(browser, "volcano", ".alert-name");
        browser.Until(() => AlertItem(browser, "volcano")?.Text.Contains("no new", StringComparison.Ordinal) == true, "the match marked read");

        Click(browser, "volcano", ".alert-delete");
        browser.Until(() => AlertItem(browser, "volcano") is null, "the alert deleted");
    }

    /// <summary>Clicks a button of an alert, again if the list was re-rendered under the click (a stale element).</summary>
    private static void Click(ChromeBrowser browser, string name, string css) =>
        browser.Until(() =>
        {
            AlertItem(browser, name)!.FindElement(OpenQA.Selenium.By.CssSelector(css)).Click();
            return true;
        }, $"a click on {css} of alert '{name}'");

    private static OpenQA.Selenium.IWebElement? AlertItem(ChromeBrowser browser, string name) =>
        browser.FindAll("#alert-list li").FirstOrDefault(li => li.GetAttribute("data-name") == name);
}
