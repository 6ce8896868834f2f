using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

/// <summary>One clean name per person (#24): roles, ranks and organisation words are not part of it. Made-up sentences.</summary>
public sealed class CleanPersonNameTests
{
    private static IReadOnlyList<string> Speakers(string body) => SpeakerExtractor.Extract(body).Speakers;

    [Theory]
    [InlineData("Campaigner Wilma Ostrander said the park must stay open.", "Wilma Ostrander")]
    [InlineData("Brigadier Tomas Quellin said two suspects were held.", "Tomas Quellin")]
    [InlineData("Brig Tomas Quellin said two suspects were held.", "Tomas Quellin")]
    [InlineData("Gen Dorcas Imbali said the unit had been deployed.", "Dorcas Imbali")]
    [InlineData("Lt-Col Ansel Berrow said the road was closed.", "Ansel Berrow")]
    [InlineData("Lawyer Petra Vancliff told the court the contract was void.", "Petra Vancliff")]
    public void RankOrOccupationBeforeTheNameIsCut(string body, string expected) =>
        Assert.Equal([expected], Speakers(body));

    [Fact]
    public void OrganisationWordBeforeTheNameIsCut()
    {
        Assert.Equal(["Harun Zaydel"], Speakers("Civil Defence Directorate Harun Zaydel said the fire was under control."));
    }

    [Fact]
    public void ASurnameThatSpellsAnOccupationStaysTheName()
    {
        Assert.Equal(["Glenda Farmer"], Speakers("Glenda Farmer said the harvest was late."));
    }

    [Fact]
    public void CapitalisedParticleAtSentenceStartFindsTheFullName()
    {
        var body = "Mayor Otto van Rensel opened the bridge on Monday.\nVan Rensel said the work had taken four years.";
        Assert.Equal(["Otto van Rensel"], Speakers(body));
    }

    [Fact]
    public void SurnameFindsAFullNameWithAGenerationalSuffix()
    {
        var body = "Council member Dorian P. Walcott Jr. proposed the bill.\n“It is overdue,” Walcott said.";
        Assert.Equal(["Dorian P. Walcott Jr."], Speakers(body));
    }
}
