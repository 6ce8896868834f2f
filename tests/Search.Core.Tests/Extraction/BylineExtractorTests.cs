using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class BylineExtractorTests
{
    private static Byline Extract(string page) => BylineExtractor.Extract(PageLines.Split(page));

    [Theory]
    [InlineData("By Jonas Halvorsen", "Jonas Halvorsen")]
    [InlineData("Written by Mirela T. Okafor", "Mirela T. Okafor")]
    [InlineData("BY PRIYA RAGHUNATHAN", "Priya Raghunathan")]
    [InlineData("By: Tomasz Wierzbicki", "Tomasz Wierzbicki")]
    [InlineData("By Ana de la Cruz Morales", "Ana de la Cruz Morales")]
    public void BylineLineNamesTheAuthor(string line, string author)
    {
        var byline = Extract("City budget passes after long night\n" + line + "\nThe council voted 7-2 on Tuesday to adopt the budget.");
        Assert.Equal([author], byline.Authors);
    }

    [Fact]
    public void OutletAfterABarOrCommaIsACreditNotAnAuthor()
    {
        var bar = Extract("By Lukas Brenner | Fox News\nText of the story follows here.");
        Assert.Equal(["Lukas Brenner"], bar.Authors);
        Assert.Contains("Fox News", bar.Credits);

        var comma = Extract("By Hana Sato, CNN\nText of the story follows here.");
        Assert.Equal(["Hana Sato"], comma.Authors);
        Assert.Single(comma.Credits);
    }

    [Fact]
    public void SeveralAuthorsInCapitalsWithTheirAgencyRole()
    {
        var byline = Extract("Storm damage smaller than feared By MARTA OLSEN and DEV KAPOOR, AP National Writers\nRest of the text.");
        Assert.Equal(["Marta Olsen", "Dev Kapoor"], byline.Authors);
        Assert.Equal([OutletNames.Normalize("AP")], byline.Credits);
    }

    [Theory]
    [InlineData("By Reuters")]
    [InlineData("By AFP")]
    [InlineData("By\nAssociated Press\n|\nOctober 10, 2014")]
    [InlineData("By Staff Writer")]
    public void AgenciesAndRolesAreNeverAuthors(string line)
    {
        var byline = Extract("Minister calls for talks\n" + line + "\nThe minister said talks were the only way forward.");
        Assert.Empty(byline.Authors);
    }

    [Fact]
    public void AgencyBylineIsACredit()
    {
        Assert.Equal([OutletNames.Normalize("Reuters")], Extract("By Reuters\nText.").Credits);
    }

    [Fact]
    public void WireFooterGivesReportersNotEditors()
    {
        var byline = Extract("The talks ended without a deal, officials said.\n(Reporting by Ingrid Solberg in Oslo and Paulo Mendes; Additional reporting by Keiko Ito; Editing by Rory Walsh)");
        Assert.Equal(["Ingrid Solberg", "Paulo Mendes", "Keiko Ito"], byline.Authors);
    }

    [Fact]
    public void NameBarAgencyLineNamesTheAuthor()
    {
        var byline = Extract("Oleg Petrenko | Reuters\nThe ministry said on Monday it would review the decision.");
        Assert.Equal(["Oleg Petrenko"], byline.Authors);
        Assert.Equal([OutletNames.Normalize("Reuters")], byline.Credits);
    }

    [Theory]
    [InlineData("Sinkhole of bureaucracy | The Washington Post")]
    [InlineData("Photo By Jane Roe/Getty Images")]
    [InlineData("The bridge was designed by Gustave Eiffel and opened in 1889, the city said in a statement on Monday afternoon after years of work.")]
    public void HeadlinesCaptionsAndRunningTextHaveNoAuthor(string line)
    {
        Assert.Empty(Extract(line + "\nMore text.").Authors);
    }

    [Fact]
    public void ParsedArticleCarriesAuthorsAndAgencyCredit()
    {
        var article = ArticleParser.Parse(new RawArticle
        {
            Id = "byline-1",
            Text = "Harbour bridge reopens after repairs\nBy Matilde Ferreira\nBy Reuters\n"
                + "The harbour bridge reopened on Monday after nine months of repairs, the transport authority said.",
        });
        Assert.Equal(["Matilde Ferreira"], article.Authors);
        Assert.Contains(OutletNames.Normalize("Reuters"), article.Sources);
    }

    [Fact]
    public void GivenAuthorsWinOverTheByline()
    {
        var article = ArticleParser.Parse(new RawArticle
        {
            Id = "byline-2",
            Text = "Headline here\nBy Matilde Ferreira\nThe harbour bridge reopened on Monday after nine months of repairs.",
            Authors = ["Someone Else"],
        });
        Assert.Equal(["Someone Else"], article.Authors);
    }
}
