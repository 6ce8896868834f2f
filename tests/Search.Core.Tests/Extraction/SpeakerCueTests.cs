using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

/// <summary>Attribution cues beyond "X said": participle clauses, withheld statements, bylines with "for", surnames that are also places.</summary>
public sealed class SpeakerCueTests
{
    private static IReadOnlyList<string> Speakers(string body) => SpeakerExtractor.Extract(body).Speakers;

    [Fact]
    public void ParticipleClauseMakesTheSentenceSubjectASpeaker()
    {
        Assert.Equal(["Dana Whitfield"], Speakers("Councillor Dana Whitfield rejected the budget on Tuesday, saying it ignored the harbour district."));
    }

    [Fact]
    public void StatementSayingMakesItsIssuerASpeaker()
    {
        Assert.Equal(["Priya Raman"], Speakers("Priya Raman issued a statement saying the merger would go ahead."));
    }

    [Fact]
    public void NameModifyingANounIsNotTheParticipleSubject()
    {
        var body = "Chidi Okafor leads the polls in the north.\nThe Okafor campaign responded on Friday, saying the figures were wrong.";
        Assert.DoesNotContain("Chidi Okafor", Speakers(body));
    }

    [Fact]
    public void ParticipleAfterAnInnerSaidBelongsToThatSpeaker()
    {
        var body = "Ole Halvorsen and Kurt Brandt met in March.\nHalvorsen left early, Brandt said, adding that the meeting was tense.";
        Assert.Equal(["Kurt Brandt"], Speakers(body));
    }

    [Fact]
    public void TitleAbbreviationDoesNotStartASentenceForTheParticipleRule()
    {
        Assert.Empty(Speakers("Critics attacked Gov. Alma Ruiz as weak, arguing that the state's economy had stalled."));
    }

    [Fact]
    public void NegatedProgressiveStillAttributes()
    {
        Assert.Equal(["Tobias Lindqvist"], Speakers("Prosecutor Tobias Lindqvist isn’t saying whether charges will follow."));
    }

    [Fact]
    public void InvertedVerbTakesTheNameBeforeFor()
    {
        Assert.Equal(["Elena Park"], Speakers("“Turnout will be low,” wrote Elena Park for Civic Insight."));
    }

    [Fact]
    public void PlaceThatIsAlsoASurnameEndsAFullName()
    {
        Assert.Equal(["Martin Jordan"], Speakers("Rep. Martin Jordan said the vote would be close."));
    }

    [Fact]
    public void PlaceAloneIsStillNoSpeaker()
    {
        Assert.Empty(Speakers("Officials in Amman met on Monday. Jordan said it would reopen the crossing."));
    }

    [Fact]
    public void TitleCaseHeadlineVerbAttributesToTheNameBeforeIt()
    {
        var speakers = SpeakerExtractor.Extract("The harbour plan was approved late on Monday.", "Mayor Ines Albrecht Says Harbour Plan Will Go Ahead").Speakers;
        Assert.Equal(["Ines Albrecht"], speakers);
    }

    [Fact]
    public void WhoeverAsksTheQuestionSpeaks()
    {
        Assert.Contains("Rhys Calder", Speakers("Asked by Channel Nine host Rhys Calder whether she would run again, Lund smiled."));
    }

    [Fact]
    public void AskedByTakesTheWholeNounPhraseNotItsFirstName()
    {
        Assert.DoesNotContain("Channel Nine", Speakers("Asked by Channel Nine host Rhys Calder whether she would run again, Lund smiled."));
    }

    [Fact]
    public void PastorIsARoleNotAGivenName()
    {
        Assert.Equal(["Amos Bright"], Speakers("Pastor Amos Bright said the shelter would stay open all winter."));
    }

    [Fact]
    public void SentenceInitialAccordingToNamesItsSource()
    {
        Assert.Equal(["Vera Holm"], Speakers("According to Vera Holm, the archive was moved twice."));
    }

    [Fact]
    public void AccordingToPluralDocumentsByAPersonNamesTheAuthor()
    {
        Assert.Equal(["Oskar Lind"], Speakers("Rents rose by a third, according to calculations by Oskar Lind of the housing institute."));
    }

    [Fact]
    public void NameAfterACommaInAnAccordingToSentenceIsNotTheSource()
    {
        Assert.Empty(Speakers("According to exit polls, Nils Berg led among older voters."));
    }

    [Fact]
    public void NameModifyingANounAfterAccordingToIsNotTheSource()
    {
        Assert.Empty(Speakers("Turnout fell, according to the Marta Olsen index."));
    }

    [Fact]
    public void VerbsOfTalkingAttribute()
    {
        Assert.Equal(["Greta Moss"], Speakers("Greta Moss spoke of the flood that closed the valley road in 1998."));
    }

    [Fact]
    public void ASpeechOnlyAnnouncedIsNoAttribution()
    {
        Assert.Empty(Speakers("Governor Greta Moss will speak at the opening next week."));
    }
}
