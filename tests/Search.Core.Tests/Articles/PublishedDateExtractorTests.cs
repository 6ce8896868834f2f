using Search.Core.Articles;

namespace Search.Core.Tests.Articles;

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
