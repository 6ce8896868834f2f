using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class OutletExtractorTests
{
    private static string? Outlet(string url, string text) =>
        ArticleParser.Parse(new RawArticle { Id = "o", Text = text, Url = url }).Outlet;

    [Fact]
    public void KnownNewsHostGivesTheOutletsNameNotTheHost()
    {
        Assert.Equal("The Straits Times", Outlet("https://www.straitstimes.com/singapore/a-story", "Ferry fares rise\n\nFerry fares will rise next month, the operator said on Monday."));
        Assert.Equal("CTV News", Outlet("https://toronto.ctvnews.ca/a-story-1.234", "Transit strike looms\n\nTransit workers could strike on Friday, their union said."));
    }

    [Fact]
    public void WireDatelineOnAStationSiteIsACreditNotTheOutlet()
    {
        const string text = "Storm closes bridges\n\nRIVERTON (AP) — Two bridges were closed on Tuesday as the storm moved inland.\n\nCopyright 2021 The Associated Press. All rights reserved.";
        var article = ArticleParser.Parse(new RawArticle { Id = "w", Text = text, Url = "https://kxyz.com/news/storm-closes-bridges/" });
        Assert.Equal("kxyz.com", article.Outlet);
        Assert.Contains("The Associated Press", article.Sources);
    }

    [Fact]
    public void CopyrightLineNamesTheOutletWhenItAgreesWithTheHost()
    {
        const string text = "Council backs new library\n\nThe council voted on Monday to build a new library on the old market site.\n\n© 2021 Lakeside Courier Media Group. All rights reserved.";
        Assert.Equal("Lakeside Courier", Outlet("https://www.lakesidecourier.net/news/library", text));
    }

    [Fact]
    public void ArchiveCopyTakesTheOutletFromTheTitleSuffix()
    {
        const string text = "Ferry fares rise again | The Washington Post\n\narchived 3 Mar 2015 10:00:00 UTC\n\nFerry fares rise again\n\nFerry fares will rise next month, the operator said on Monday.";
        Assert.Equal("The Washington Post", Outlet("https://archive.is/XyZ12", text));
    }

    [Fact]
    public void ForumRepostTakesTheOutletFromTheCreditLine()
    {
        const string text = "Ferry fares rise\n\nPosted\n\nFerry fares will rise next month, the operator said on Monday.\n\nGet the full story from The Straits Times.";
        Assert.Equal("The Straits Times", Outlet("https://expatboard.com/threads/ferry-fares-rise.1234/post-5", text));
    }

    [Fact]
    public void ForumRepostTakesTheOutletFromAWireDateline()
    {
        const string text = "Recommended Posts\n\nPort strike ends\n\nHAIFA (EXAMPLE WIRE NEWS) -- Dock workers returned to work on Sunday after a two-day strike.";
        Assert.Equal("Example Wire News", Outlet("https://expatboard.com/topic/4321-port-strike-ends", text));
    }

    [Fact]
    public void ReadingAppTakesTheOutletPrintedAboveTheHeadline()
    {
        const string text = "Get all your news in one place.\nStart reading\nChicago Tribune\nBusiness\nJane Roe\n\nFactory to reopen in spring\n\nThe factory will reopen in the spring with 300 workers, the company said on Monday.";
        Assert.Equal("Chicago Tribune", Outlet("https://www.inkl.com/news/factory-to-reopen-in-spring", text));
    }

    [Fact]
    public void BlogRepostTakesTheOutletFromTheBylineCredit()
    {
        const string text = "Bridge reopens after repairs By JANE ROE, AP Business Writer\n\nRIVERTON - The bridge reopened on Friday after six months of repairs, officials said.";
        Assert.Equal("The Associated Press", Outlet("http://somenews.blogspot.com/2009_01_02_archive.html", text));
    }

    [Fact]
    public void AliasesMergeIntoOneName()
    {
        Assert.Equal("The New York Times", OutletNames.Normalize("NYT"));
        Assert.Equal("The New York Times", OutletNames.FromUrlOrHost("https://www.nytimes.com/2020/01/01/us/x.html"));
        Assert.Equal("BBC News", OutletNames.FromUrlOrHost("https://feeds.bbci.co.uk/news/world-1"));
        Assert.Equal("Fox News", OutletNames.Normalize("FOX News Network"));
    }

    [Fact]
    public void HeadlineWithADashIsNotTakenForASiteNameWithoutAnAddress()
    {
        const string text = "Mayor signs budget - report\n\nThe mayor signed the budget on Monday, officials said.";
        Assert.Null(ArticleParser.Parse(new RawArticle { Id = "n", Text = text }).Outlet);
    }

    [Fact]
    public void ConcatenatedHostIsSpelledAsThePageWritesIt()
    {
        const string text = "Ferry timetable changes\n\nThe new timetable starts in June, the operator said.\n\nMore stories from the Valley Echo";
        Assert.Equal("Valley Echo", Outlet("https://www.valleyechoonline.com/news/ferry", text));
    }

    [Fact]
    public void OneWordThatRepeatsTheHostIsNotTakenForItsSpelling()
    {
        const string text = "Ferry timetable changes\n\nThe new timetable starts in June, the operator said.\n\nFollow RiverwatchPress.com for more.";
        Assert.NotEqual("RiverwatchPress", Outlet("https://www.riverwatchpress.com/news/ferry", text));
    }

    [Fact]
    public void UnknownSiteIsItsRegistrableDomainNotANameMadeFromTheHost()
    {
        const string text = "Pier reopens\n\nThe pier reopened on Saturday after repairs, the harbour board said.";
        Assert.Equal("bayharbourgazette.com.au", Outlet("https://news.BayHarbourGazette.com.au/pier-reopens", text));
        Assert.Equal("quarrytownmedia.com", Outlet("https://www.quarrytownmedia.com/local/pier", text));
    }
}
