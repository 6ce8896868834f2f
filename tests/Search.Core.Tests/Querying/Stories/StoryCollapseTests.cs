using Search.Core.Articles;
using Search.Core.Extraction;
using Search.Core.Indexing;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying.Stories;

public sealed class StoryCollapseTests
{
    private static Article Parse(string id, string text, string site) =>
        ArticleParser.Parse(new RawArticle { Id = id, Text = text, Site = site });

    [Fact]
    public void RewordedCopyInAnotherSitesPageHasASimilarFingerprint()
    {
        var original = StoryFingerprint.Compute(Parse("a", StoryTexts.Original, "example-wire.com").Body)!;
        var copy = StoryFingerprint.Compute(Parse("b", StoryTexts.WrappedCopy, "riverside-daily.com").Body)!;
        var other = StoryFingerprint.Compute(Parse("c", StoryTexts.OwnReport, "county-gazette.com").Body)!;
        Assert.True(StoryFingerprint.Similarity(original, copy) >= StoryFingerprint.SameStoryThreshold);
        Assert.True(StoryFingerprint.Similarity(original, other) < 0.1);
    }

    [Fact]
    public void CollapseGroupsARewordedCopyWithItsOriginalButNotAnOwnReport()
    {
        using var index = new TestIndex(
            Parse("original", StoryTexts.Original, "example-wire.com"),
            Parse("copy", StoryTexts.WrappedCopy, "riverside-daily.com"),
            Parse("own-report", StoryTexts.OwnReport, "county-gazette.com"));

        var plain = index.Search("flood barriers");
        Assert.Equal(3, plain.Hits.Count);
        Assert.All(plain.Hits, h => Assert.Null(h.Copies));

        var collapsed = index.Search("flood barriers", r => r with { CollapseStories = true });
        Assert.Equal(3, collapsed.Total);
        Assert.Equal(2, collapsed.Stories);
        Assert.Equal(2, collapsed.Hits.Count);
        var story = Assert.Single(collapsed.Hits, h => h.Copies == 2);
        Assert.True(story.Id is "original" or "copy", story.Id);
        Assert.Equal(2, story.StoryOutlets!.Count);
        Assert.Equal(story.Outlet, story.StoryOutlets[0]);
        var own = Assert.Single(collapsed.Hits, h => h.Copies == 1);
        Assert.Equal("own-report", own.Id);
    }

    [Fact]
    public void CopiesCountOnlyMatchingArticles()
    {
        using var index = new TestIndex(
            Parse("original", StoryTexts.Original, "example-wire.com"),
            Parse("copy", StoryTexts.WrappedCopy, "riverside-daily.com"));

        // "defences" is only in the copy: the original does not match, so the story has one matching copy.
        var collapsed = index.Search("defences", r => r with { CollapseStories = true });
        var hit = Assert.Single(collapsed.Hits);
        Assert.Equal("copy", hit.Id);
        Assert.Equal(1, hit.Copies);
    }

    [Fact]
    public void ShortBodiesGetNoFingerprint()
    {
        Assert.Null(StoryFingerprint.Compute("Markets closed higher on Friday."));
        using var index = new TestIndex(Article("a", "Markets closed higher on Friday."), Article("b", "Markets closed higher on Friday."));
        var collapsed = index.Search("markets", r => r with { CollapseStories = true });
        Assert.Equal(2, collapsed.Hits.Count);
    }

    [Fact]
    public void CollapsedPagesSkipWholeStories()
    {
        using var index = new TestIndex(
            Parse("original", StoryTexts.Original, "example-wire.com"),
            Parse("copy", StoryTexts.WrappedCopy, "riverside-daily.com"),
            Parse("own-report", StoryTexts.OwnReport, "county-gazette.com"));
        var first = index.Search("flood", r => r with { CollapseStories = true, Size = 1 });
        var second = index.Search("flood", r => r with { CollapseStories = true, Size = 1, Page = 2 });
        var third = index.Search("flood", r => r with { CollapseStories = true, Size = 1, Page = 3 });
        Assert.NotEqual(first.Hits[0].Id, second.Hits[0].Id);
        Assert.Empty(third.Hits);
    }
}
