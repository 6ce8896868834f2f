using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class HostNamesTests
{
    [Theory]
    [InlineData("news.example.co.uk", "example.co.uk")]
    [InlineData("city.examplepaper.com.au", "examplepaper.com.au")]
    [InlineData("en.example.az", "example.az")]
    [InlineData("toronto.examplenews.ca", "examplenews.ca")]
    [InlineData("example.com", "example.com")]
    [InlineData("Feeds.Example.CO.UK", "example.co.uk")]
    public void RegistrableDomainKnowsTwoLevelPublicSuffixes(string host, string expected) =>
        Assert.Equal(expected, HostNames.RegistrableDomain(host));

    [Theory]
    [InlineData("https://www.bbc.co.uk/news/world-1", "BBC News")]
    [InlineData("http://www.upi.com/Top_News/a-story", "United Press International")]
    [InlineData("https://en.trendy.az/world/1.html", "trendy.az")]
    [InlineData("https://News.HarbourTimes.com.au/a", "harbourtimes.com.au")]
    [InlineData("https://thelakesideindependent.co.uk/a", "thelakesideindependent.co.uk")]
    public void KnownHostsUseTheTableAndOthersTheirRegistrableDomain(string url, string expected) =>
        Assert.Equal(expected, OutletNames.FromUrlOrHost(url));

    [Theory]
    [InlineData("https://archive.is/AbCdE", true)]
    [InlineData("http://somebody.blogspot.com/2007_08_03_archive.html", true)]
    [InlineData("https://www.inkl.com/news/a-story", true)]
    [InlineData("https://expatboard.com/threads/some-story.123/post-4", true)]
    [InlineData("https://example-forum.com/topic/454-some-story", true)]
    [InlineData("https://www.examplegazette.com/news/2021/05/04/story", false)]
    public void RepostHostsAndForumThreadsAreRecognised(string url, bool expected) =>
        Assert.Equal(expected, HostNames.IsRepost(url));
}
