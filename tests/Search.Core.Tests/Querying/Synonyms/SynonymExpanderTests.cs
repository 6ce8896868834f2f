using Search.Core.Querying;
using Search.Core.Querying.Suggestions;
using Search.Core.Querying.Synonyms;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying.Synonyms;

public sealed class SynonymExpanderTests
{
    private static readonly SynonymExpander Aliases = new([["NYT", "The New York Times"], ["Xi", "Xi Jinping"]]);

    [Fact]
    public void AliasBecomesAnOrOfItsGroup()
    {
        Assert.Equal("(NYT OR \"The New York Times\") report", Aliases.Expand("nyt report"));
    }

    [Fact]
    public void LongestAliasWinsAndIsReplacedWhole()
    {
        Assert.Equal("(Xi OR \"Xi Jinping\") visit", Aliases.Expand("Xi Jinping visit"));
        Assert.Equal("(NYT OR \"The New York Times\")", Aliases.Expand("the new york times"));
    }

    [Fact]
    public void QuotedPhrasesFieldValuesAndPartialWordsAreLeftAsTyped()
    {
        Assert.Equal("\"Xi visit\"", Aliases.Expand("\"Xi visit\""));
        Assert.Equal("speaker:Xi", Aliases.Expand("speaker:Xi"));
        Assert.Equal("Xian", Aliases.Expand("Xian"));
        Assert.Equal("new york", Aliases.Expand("new york"));
    }

    [Fact]
    public void FileGroupsAreCommaSeparatedLinesWithComments()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# aliases", "WaPo, The Washington Post  # a paper", "", "lonely"]);
            var expander = SynonymExpander.FromFile(path);
            Assert.Equal("(WaPo OR \"The Washington Post\")", expander.Expand("wapo"));
            Assert.Equal("lonely", expander.Expand("lonely"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFileMeansNoAliases() =>
        Assert.True(SynonymExpander.FromFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))).IsEmpty);

    [Fact]
    public void SearchFindsArticlesThatOnlyUseAnotherAlias()
    {
        using var index = new TestIndex(
            Article("long", "According to The New York Times, the talks stalled."),
            Article("short", "The NYT said the talks resumed."),
            Article("other", "The talks were covered by many papers."));
        using var assisted = new ArticleSearcher(index.Index, index.Options, Aliases);
        var response = assisted.Search(new SearchRequest { Query = "NYT talks" }, FuzzyMode.Off, CancellationToken.None);
        Assert.Equal(["long", "short"], response.Hits.Select(h => h.Id).Order());
        Assert.Equal("NYT talks", response.Query);
    }
}
