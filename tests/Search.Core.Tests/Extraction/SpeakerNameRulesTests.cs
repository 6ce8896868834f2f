using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

/// <summary>Person-name checks of #16, each on a sentence written for the test.</summary>
public sealed class SpeakerNameRulesTests
{
    private static IReadOnlyList<string> Speakers(string body) => SpeakerExtractor.Extract(body).Speakers;

    [Fact]
    public void CouncillorTitleIsStrippedAndResolvesTheSurname()
    {
        var body = "Lord mayor Harriet Quill toured the flooded suburbs.\n“We need help,” Cr Quill told reporters on Tuesday.";
        Assert.Equal(["Harriet Quill"], Speakers(body));
    }

    [Fact]
    public void MemberOfParliamentBeforeTheNameIsARole()
    {
        Assert.Equal(["Oliver Penhale"], Speakers("Greens MP Oliver Penhale said the levy was unfair."));
    }

    [Fact]
    public void PostNominalLettersAreNotPartOfTheName()
    {
        Assert.Equal(["Miriam Castell"], Speakers("In court Miriam Castell QC, for the publisher, said the claim was settled."));
    }

    [Fact]
    public void InstitutionWrittenWithTheDoesNotSpeak()
    {
        var body = "Dunmore Collective said rents would rise.\nTenants said the Dunmore Collective has ignored them.";
        Assert.Empty(Speakers(body));
    }

    [Fact]
    public void InstitutionWithThePossessiveDoesNotSpeak()
    {
        var body = "Tenants marched to the Dunmore Collective’s offices.\nDunmore Collective said it would appeal.";
        Assert.Empty(Speakers(body));
    }

    [Fact]
    public void CityAfterNewIsAPlaceNotAPerson()
    {
        Assert.Empty(Speakers("New Delhi said the border talks would resume next week."));
    }

    [Fact]
    public void MovementAndFireServiceAreOrganisations()
    {
        Assert.Empty(Speakers("Redwood Fire said the blaze was contained.\nGreen Renewal Movement said it backed the plan."));
    }

    [Fact]
    public void ArabicParticleJoinedByHyphenStaysInTheName()
    {
        Assert.Equal(["Karim al-Nouri"], Speakers("Government spokesman Karim al-Nouri said the road would reopen."));
    }

    [Theory]
    [InlineData("The bridge opened on Monday after two years of work.", false)]
    [InlineData("Residents cheered as the first cars crossed.", false)]
    [InlineData("The mayor said the bridge was safe.", true)]
    [InlineData("She is now arguing for a second bridge.", true)]
    [InlineData("He won’t say when tolls begin.", true)]
    public void VerbCheckFindsEveryAttributionVerb(string text, bool expected)
    {
        Assert.Equal(expected, AttributionVerbs.MayContain(text));
    }
}
