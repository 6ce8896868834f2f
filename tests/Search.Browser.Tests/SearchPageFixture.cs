namespace Search.Browser.Tests;

/// <summary>
/// One server and one browser for every browser test: starting Chromium costs about a second, so tests
/// share it and each begins by opening its own URL. If the browser cannot start, every test fails with
/// the reason (nothing is skipped).
/// </summary>
public sealed class SearchPageFixture : IDisposable
{
    public SearchPageFixture()
    {
        Server = new SearchPageServer();
        try
        {
            Browser = new ChromeBrowser();
        }
        catch
        {
            Server.Dispose();
            throw;
        }
    }

    public SearchPageServer Server { get; }

    public ChromeBrowser Browser { get; }

    /// <summary>An address on the test server, e.g. Page("?q=grain").</summary>
    public Uri Page(string pathAndQuery = "/") => new(Server.BaseAddress, pathAndQuery);

    /// <summary>Opens a page at desktop size, waiting until it shows the expected view.</summary>
    public ChromeBrowser Open(string pathAndQuery, string expectedView = "results", int width = ChromeBrowser.DesktopWidth)
    {
        Browser.Resize(width);
        Browser.Open(Page(pathAndQuery));
        Browser.WaitForPage(expectedView);
        return Browser;
    }

    public void Dispose()
    {
        Browser.Dispose();
        Server.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SearchPageTestGroup : ICollectionFixture<SearchPageFixture>
{
    public const string Name = "Search page in a browser";
}
