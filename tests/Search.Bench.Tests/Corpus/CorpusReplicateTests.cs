using Search.Bench.Corpus;
using Search.Core.Articles;

namespace Search.Bench.Tests.Corpus;

public sealed class CorpusReplicateTests
{
    private static readonly Article[] Articles =
    [
        new("a", null, "Bridge reopens", "The bridge reopened.", "Outlet", [], [], [], new DateOnly(2022, 3, 1)),
        new("b", null, "Council votes", "The council voted.", null, [], [], [], null),
        new("c", null, "Storm nears", "The storm neared.", null, [], [], [], null),
    ];

    [Fact]
    public void Ten_copies_hold_ten_times_the_articles_under_distinct_ids()
    {
        var copies = CorpusReader.Replicate(Articles, 10);

        Assert.Equal(30, copies.Count);
        Assert.Equal(30, copies.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(10, copies.Count(a => a.Body == "The bridge reopened."));
    }

    [Fact]
    public void The_first_copy_is_the_corpus_itself_and_later_copies_keep_every_field_but_the_id()
    {
        var copies = CorpusReader.Replicate(Articles, 3);

        Assert.Equal(Articles, copies.Take(3));
        var third = copies[6];
        Assert.Equal("a~2", third.Id);
        Assert.Equal(Articles[0] with { Id = "a~2" }, third);
    }

    [Fact]
    public void A_factor_of_one_is_the_corpus_unchanged()
    {
        Assert.Equal(Articles, CorpusReader.Replicate(Articles, 1));
    }
}
