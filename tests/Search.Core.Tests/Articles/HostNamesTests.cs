using Search.Core.Articles;

namespace Search.Core.Tests.Articles;

public sealed class HostNamesTests
{
    [Theory]
    [InlineData("news.example.co.uk", "example.co.uk")]
    [InlineData("city.examplepaper.com.au", "examplepaper.com.au")]
    [InlineData("en.example.az", "example.az")]
    [InlineData("toronto.examplenews.ca", "examplenews.ca")]
    [InlineData("example.com", "example.com")]
    public void RegistrableDomainKnowsTwoLevelPublicSuffixes(string host, string expected) =>
        Assert.Equal(expected, HostNames.RegistrableDomain(host));

    [Theory]
    [InlineData("bbc.co.uk", "BBC")]
    [InlineData("upi.com", "UPI")]
    [InlineData("harbourtimes.com.au", "Harbour Times")]
    [InlineData("thelakesideindependent.co.uk", "The Lakeside Independent")]
    [InlineData("kxyz.com", "KXYZ")]
    [InlineData("nbc9riverton.com", "NBC9 Riverton")]
    [InlineData("5news.com", "5News")]
    [InlineData("toronto.qrsnews.ca", "QRS News")]
    [InlineData("en.trendy.az", "Trendy")]
    public void FallbackNameIsMadeFromTheHost(string host, string expected) =>
        Assert.Equal(expected, HostNames.NameFromHost(host));

    [Theory]
    [InlineData("https://www.bbc.co.uk/news/world-1", "BBC News")]
    [InlineData("http://www.upi.com/Top_News/a-story", "United Press International")]
    [InlineData("https://en.trendy.az/world/1.html", "Trendy")]
    public void KnownHostsUseTheTableAndOthersTheFallback(string url, string expected) =>
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
