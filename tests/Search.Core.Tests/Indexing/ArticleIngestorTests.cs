using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Indexing;

public sealed class ArticleIngestorTests
{
    private const string SurnameOnly =
        "Ministry Responds To New Tariffs\n\nThe ministry answered the latest round of tariffs on Tuesday with a statement.\n\n"
        + "\u201cWe will respond in kind to every measure,\u201d Okonkwo said in a televised address.\n\n"
        + "\u201cNobody should doubt our resolve,\u201d Okonkwo added later in the evening, speaking to reporters.";

    [Fact]
    public void BareSurnameIsStoredAsExtractedAndCountedUnderTheFullNameTheCorpusUses()
    {
        using var index = new TestIndex(
            Article("earlier-1", "Text one.", speakers: ["Adaeze Okonkwo"]),
            Article("earlier-2", "Text two.", speakers: ["Adaeze Okonkwo"]));
        var (article, outcome) = new ArticleIngestor(index.Index).Write(new RawArticle { Id = "new", Text = SurnameOnly }, waitUntilVisible: true);
        Assert.Equal(IngestOutcome.Created, outcome);
        // The article keeps its own name (#22): what it holds never depends on what the index held before it.
        Assert.Equal(["Okonkwo"], article.Speakers);
        // One person, one facet value, at read time: the alias folds into the corpus's full name, filters and hits follow.
        Assert.Equal(new FacetValue("Adaeze Okonkwo", 3), index.Search(null).Facets["speaker"].Single());
        var filtered = index.Search(null, r => r with { Speakers = ["Adaeze Okonkwo"] });
        Assert.Equal(3, filtered.Total);
        Assert.All(filtered.Hits, hit => Assert.Equal(["Adaeze Okonkwo"], hit.Speakers));
    }

    [Fact]
    public void BareSurnameStaysWhenTheIndexHasTwoPeopleOfThatName()
    {
        using var index = new TestIndex(
            Article("a", "Text one.", speakers: ["Adaeze Okonkwo"]),
            Article("b", "Text two.", speakers: ["Chidi Okonkwo"]));
        var (article, _) = new ArticleIngestor(index.Index).Write(new RawArticle { Id = "new", Text = SurnameOnly }, waitUntilVisible: true);
        Assert.Equal(["Okonkwo"], article.Speakers);
        Assert.Contains(new FacetValue("Okonkwo", 1), index.Search(null).Facets["speaker"]);
    }

    [Fact]
    public void GivenSpeakersAreKeptAsGiven()
    {
        using var index = new TestIndex(Article("a", "Text.", speakers: ["Adaeze Okonkwo"]));
        var (article, _) = new ArticleIngestor(index.Index).Write(
            new RawArticle { Id = "new", Text = SurnameOnly, Speakers = ["Okonkwo"] }, waitUntilVisible: false);
        Assert.Equal(["Okonkwo"], article.Speakers);
    }
}
