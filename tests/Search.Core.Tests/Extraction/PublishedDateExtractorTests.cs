using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class PublishedDateExtractorTests
{
    [Fact]
    public void PublishedLabelGivesTheDay()
    {
        Assert.Equal(new DateOnly(2021, 7, 9), PublishedDateExtractor.Extract(["Headline here", "Published July 9, 2021", "Body."]));
    }

    [Fact]
    public void UpdatedLabelWithWeekdayGivesTheDay()
    {
        Assert.Equal(new DateOnly(2019, 11, 4), PublishedDateExtractor.Extract(["Updated: Monday, 4 November 2019"]));
    }

    [Fact]
    public void DateInRunningTextIsNotAPublicationDay()
    {
        Assert.Null(PublishedDateExtractor.Extract(["The treaty was signed on March 3, 2018 in Geneva by both delegations after long talks."]));
    }

    [Fact]
    public void BylineWithDateGivesTheDay()
    {
        Assert.Equal(new DateOnly(2022, 10, 14), PublishedDateExtractor.Extract(["A headline", "By Jane Roe | October 14, 2022", "Body text."]));
    }

    [Fact]
    public void WireDatelineGivesTheDay()
    {
        Assert.Equal(new DateOnly(2020, 6, 1), PublishedDateExtractor.Extract(["LISBON, June 1, 2020 (Reuters) - Portugal reopened its beaches on Monday."]));
    }
}

public sealed class PublishedDateSourcesTests
{
    private static DateOnly? Date(string text, string? url = null) => PublishedDateExtractor.Extract(PageLines.Split(text), url);

    [Theory]
    [InlineData("https://example.com/news/2022/03/17/harbour-reopens/", 2022, 3, 17)]
    [InlineData("https://example.co.uk/world/2022/mar/13/harbour-reopens", 2022, 3, 13)]
    [InlineData("https://example.co.za/news/2022-03-15-harbour-reopens/", 2022, 3, 15)]
    [InlineData("https://example.com.au/national/harbour-reopens-20220315-p5xyz.html", 2022, 3, 15)]
    [InlineData("https://example.com/article/idXYZ12A34520220315", 2022, 3, 15)]
    [InlineData("http://someblog.example.com/2009_01_02_archive.html", 2009, 1, 2)]
    public void DatedAddressGivesTheDay(string url, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Date("Harbour reopens\n\nThe harbour reopened on Tuesday after repairs, the port said.", url));

    [Theory]
    [InlineData("https://example.com/story/123456789?utm_campaign=20220315")]
    [InlineData("https://example.com/story/98761234")]
    [InlineData("https://example.com/2022/13/45/story")]
    public void AddressWithoutAValidDateGivesNone(string url) =>
        Assert.Null(Date("Harbour reopens\n\nThe harbour reopened on Tuesday after repairs, the port said.", url));

    [Theory]
    [InlineData("Harbour reopens\n\nFeb. 7, 2022 / 11:05 PM\n\nThe harbour reopened on Monday, the port said in a statement.", 2022, 2, 7)]
    [InlineData("Harbour reopens\n\nPublished 3:04 PM EST, Tue March 15, 2022\n\nThe harbour reopened on Tuesday, the port said in a statement.", 2022, 3, 15)]
    [InlineData("Harbour reopens\n\n15 March 2022\n\nThe harbour reopened on Tuesday, the port said in a statement.", 2022, 3, 15)]
    [InlineData("Harbour reopens\n\nJane Roe The Example GazetteMay 27, 2019\n\nThe harbour reopened on Monday, the port said in a statement.", 2019, 5, 27)]
    [InlineData("Harbour reopens\n\nRegional News 4 July 2008 21:47 (UTC +04:00)\n\nThe harbour reopened on Friday, the port said in a statement.", 2008, 7, 4)]
    [InlineData("Harbour reopens\n\n2011-03-26 21:59:30 GMT+7 (ICT)\n\nThe harbour reopened on Saturday, the port said in a statement.", 2011, 3, 26)]
    [InlineData("Harbour reopens\n\nApril 14, 2011 12:00:00 AM PDT\nThe harbour reopened on Thursday, the port said in a statement.", 2011, 4, 14)]
    public void HeaderStampGivesTheDay(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Date(text));

    [Fact]
    public void PublishedStampWinsOverAnArchiveStamp() =>
        Assert.Equal(new DateOnly(2014, 3, 22), Date("Harbour reopens | Example Post\n\narchived 27 Mar 2014 10:35:45 UTC\n\nHarbour reopens\n\nPublished on March 22, 2014\nThe harbour reopened on Saturday after a long closure, the port said in a statement."));

    [Fact]
    public void DatedAddressWinsOverACrawlTimeClock() =>
        Assert.Equal(new DateOnly(2011, 1, 28), Date("8.52 AM Tuesday, 26 September 2023\n\nHarbour reopens\n\nThe harbour reopened on Friday, the port said in a statement.", "https://example.com/news/harbour-reopens-2011-01-28-1.2345"));

    [Fact]
    public void DatelineWithoutYearTakesTheYearFromTheAddress() =>
        Assert.Equal(new DateOnly(2013, 3, 18), Date("Harbour reopens\n\nLISBON, March 18 (Reuters) - The harbour reopened on Monday after a week of repairs, the port authority said.", "https://example.com/world/2013/harbour-reopens"));

    [Fact]
    public void DatelineWithoutYearAndNoReferenceGivesNone() =>
        Assert.Null(Date("Harbour reopens\n\nLISBON, March 18 (Reuters) - The harbour reopened on Monday after a week of repairs, the port authority said."));

    [Theory]
    [InlineData("Harbour reopens\n\nThis was published 2 years ago\n\nThe harbour reopened on Tuesday after repairs, the port said.")]
    [InlineData("Harbour reopens\n\n1 hour, 23 minutes ago\n\nThe harbour reopened on Tuesday after repairs, the port said.")]
    [InlineData("Harbour reopens\n\nThe mayor opens the harbour gates during a ceremony at the old pier on March 3, 2015 in Lisbon. Photo: Jane Roe\n\nThe harbour reopened on Tuesday after repairs, the port said.")]
    [InlineData("Harbour reopens\n\nThe harbour reopened on Tuesday after repairs, the port said in a statement to reporters.\n\nThe port was damaged in a storm, the agency said on Monday in its weekly report.\n\nRelated: Storm damages pier\n\nMarch 3, 2015")]
    [InlineData("Harbour reopens\n\nMonday, March 3, 2015\n\nThe harbour reopened on Tuesday after repairs, the port said.")]
    public void RelativeDaysCaptionsTeasersAndContradictoryWeekdaysGiveNone(string text) => Assert.Null(Date(text));
}
