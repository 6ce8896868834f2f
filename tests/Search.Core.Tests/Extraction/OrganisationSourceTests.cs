using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

/// <summary>Organisations as sources of their own kind (#24): made-up sentences.</summary>
public sealed class OrganisationSourceTests
{
    [Fact]
    public void SeatOfGovernmentSpeaksAsAnOrganisationNotAPerson()
    {
        var (speakers, quotes, organizations) = SpeakerExtractor.Extract("“The talks are over,” the Kremlin said on Friday.");
        Assert.Empty(speakers);
        Assert.Equal(["Kremlin"], organizations);
        Assert.Equal([new Quote("Kremlin", "The talks are over") { Kind = Quote.OrganizationKind }], quotes);
    }

    [Fact]
    public void DocumentAndBodyThatSayThingsAreOrganisations()
    {
        var body = "The Harbour Survey said trade was “slowing in most districts.”\nThe Riverton Water Board warned that prices would rise.";
        var (speakers, _, organizations) = SpeakerExtractor.Extract(body);
        Assert.Empty(speakers);
        Assert.Equal(["Harbour Survey", "Riverton Water Board"], organizations);
    }

    [Fact]
    public void PeopleAndOrganisationsAreKeptApartInOneParagraph()
    {
        var body = "“We will appeal,” said Nadia Forsythe. The Ministry of Ports said it would not comment.";
        var (speakers, quotes, organizations) = SpeakerExtractor.Extract(body);
        Assert.Equal(["Nadia Forsythe"], speakers);
        Assert.Contains("Ministry", organizations[0], StringComparison.Ordinal);
        Assert.Equal(Quote.PersonKind, Assert.Single(quotes).Kind);
    }

    [Theory]
    [InlineData("Republicans said the bill would fail.")]
    [InlineData("Russia said the border was closed.")]
    [InlineData("Officials said the road was open.")]
    public void GroupsAndCountriesAreNotOrganisationSources(string body) =>
        Assert.Empty(SpeakerExtractor.Extract(body).Organizations);

    [Fact]
    public void ArticleListsItsOrganisationsApart()
    {
        var article = ArticleParser.Parse(new RawArticle { Id = "o", Text = "Ferry fares rise\n\n“Fares must rise,” the Harbour Authority said. “It is fair,” said Tomas Eberle." });
        Assert.Equal(["Tomas Eberle"], article.Speakers);
        Assert.Equal(["Harbour Authority"], article.Organizations);
    }
}
