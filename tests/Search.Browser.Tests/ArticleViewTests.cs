using OpenQA.Selenium;

namespace Search.Browser.Tests;

/// <summary>The article view, and that article text can never become markup or script.</summary>
[Collection(SearchPageTestGroup.Name)]
public sealed class ArticleViewTests(SearchPageFixture page)
{
    [Fact]
    public void OpeningAResultShowsTheArticleWithQuotesAndHighlightsThenReturns()
    {
        var browser = page.Open("/?q=corridor");
        browser.FindAll("a.hit-link").Single(a => a.GetAttribute("data-id") == "grain-reuters-1").Click();
        browser.WaitForPage("article");
        browser.SaveScreenshot("article-view");

        Assert.Contains("article=grain-reuters-1", browser.Url, StringComparison.Ordinal);
        Assert.Equal("Ministers agree grain corridor through the Black Sea", browser.Find("#article-title").Text);
        Assert.Equal("article-title", browser.Script("return document.activeElement.id"));
        Assert.Contains(browser.FindAll("#article-body mark"), mark => mark.Text.Equals("corridor", StringComparison.OrdinalIgnoreCase));
        var quote = browser.Find("#quote-list .quote");
        Assert.Contains("The grain corridor will open next week", quote.Text, StringComparison.Ordinal);
        Assert.Contains("Anna Berg", quote.Text, StringComparison.Ordinal);
        Assert.Contains(browser.FindAll("#quote-list mark"), mark => mark.Text == "corridor");
        browser.Resize(ChromeBrowser.PhoneWidth);
        browser.SaveScreenshot("phone-article-view");
        browser.Resize(ChromeBrowser.DesktopWidth);

        browser.Find("#back-link").Click();
        browser.WaitForPage("results");
        Assert.DoesNotContain("article=", browser.Url, StringComparison.Ordinal);
        Assert.Equal("grain-reuters-1", browser.Script("return document.activeElement.dataset.id"));
    }

    [Fact]
    public void UnknownArticleSaysNotFound()
    {
        var browser = page.Open("/?article=no-such-article", expectedView: "error");
        Assert.Equal("Article not found", browser.Find("#article-title").Text);
    }

    [Fact]
    public void ArticleTextWithMarkupStaysInertText()
    {
        var browser = page.Open("/?q=harbour");
        browser.SaveScreenshot("hostile-results");
        AssertNothingRan(browser);
        var link = browser.FindAll("a.hit-link").Single(a => a.GetAttribute("data-id") == TestArticles.HostileId);
        Assert.Equal(TestArticles.HostileTitle, link.Text);

        link.Click();
        browser.WaitForPage("article");
        browser.SaveScreenshot("hostile-article");
        AssertNothingRan(browser);
        Assert.Equal(TestArticles.HostileTitle, browser.Find("#article-title").Text);
        Assert.Contains("<script>window.__pwned=4;alert('body')</script>", browser.Find("#article-body").Text, StringComparison.Ordinal);
        Assert.Contains("<b onmouseover", browser.Find("#article-meta").Text, StringComparison.Ordinal);
        Assert.StartsWith("<img src=x", browser.Find("#article-speakers .chip").Text, StringComparison.Ordinal);
        // The javascript: URL is not offered as a link.
        Assert.Empty(browser.FindAll("#article-meta a"));

        // Without a query the page renders the plain body itself (no server-escaped bodyHtml).
        page.Open($"/?article={TestArticles.HostileId}", expectedView: "article");
        AssertNothingRan(browser);
        Assert.Contains("<img src=x onerror=", browser.Find("#article-body").Text, StringComparison.Ordinal);
        Assert.Equal(TestArticles.HostileTitle, browser.Find("#article-title").Text);
    }

    /// <summary>No alert opened, no payload set its marker, and no element came from article text.</summary>
    private static void AssertNothingRan(ChromeBrowser browser)
    {
        Assert.Throws<NoAlertPresentException>(() => browser.Driver.SwitchTo().Alert());
        Assert.Null(browser.Script($"return window.{TestArticles.PwnedMarker} ?? null"));
        Assert.Empty(browser.FindAll("main img, main b, main script"));
        Assert.Single(browser.FindAll("script"));
    }
}
