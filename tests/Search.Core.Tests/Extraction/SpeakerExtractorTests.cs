using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class SpeakerExtractorTests
{
    private static IReadOnlyList<string> Speakers(string body) => SpeakerExtractor.Extract(body).Speakers;

    [Fact]
    public void SaidAfterQuoteAttributesToFollowingName()
    {
        var (speakers, quotes, _) = SpeakerExtractor.Extract("“The bridge will open in May,” said Marta Kowalczyk, the city engineer.");
        Assert.Equal(["Marta Kowalczyk"], speakers);
        Assert.Equal(new Quote("Marta Kowalczyk", "The bridge will open in May"), Assert.Single(quotes));
    }

    [Fact]
    public void NameBeforeVerbIsReportedSpeaker()
    {
        Assert.Equal(["Omar Haddad"], Speakers("Omar Haddad said the talks had stalled over fishing rights."));
    }

    [Fact]
    public void SurnameResolvesToFullestFormInArticle()
    {
        var body = "Trade Minister Ingrid Solberg arrived on Monday.\n“We expect a deal soon,” Solberg told reporters.";
        Assert.Equal(["Ingrid Solberg"], Speakers(body));
    }

    [Fact]
    public void RoleWordsAreStrippedFromSpeakerNames()
    {
        Assert.Equal(["Tomas Varga"], Speakers("Foreign Ministry spokesman Tomas Varga said the border stays closed."));
    }

    [Fact]
    public void AppositiveBetweenNameAndVerbIsSkipped()
    {
        Assert.Equal(["Lena Brooks"], Speakers("Lena Brooks, a lawyer for the tenants, told the court that rents had doubled."));
    }

    [Fact]
    public void AccordingToNamesTheSpeaker()
    {
        Assert.Equal(["Priya Raman"], Speakers("The vote was delayed twice, according to Priya Raman, who chairs the panel."));
    }

    [Fact]
    public void PartyTagBetweenNameAndVerbIsSkipped()
    {
        Assert.Equal(["Carl Jensen"], Speakers("“It is a bad bill,” Sen. Carl Jensen (R-Idaho) said in a statement."));
    }

    [Fact]
    public void PronounAttributionGoesToPreviousSpeaker()
    {
        var body = "Nadia Petrova said the harvest was poor.\n“We lost half the wheat to the frost this year,” she said.";
        var (speakers, quotes, _) = SpeakerExtractor.Extract(body);
        Assert.Equal(["Nadia Petrova"], speakers);
        Assert.Equal("Nadia Petrova", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void CountriesAndOrganisationsAreNotSpeakers()
    {
        Assert.Empty(Speakers("Germany said it would send more aid. The Finance Ministry said the budget allows it. Reuters reported the figures."));
    }

    [Fact]
    public void PeopleMerelyMentionedAreNotSpeakers()
    {
        Assert.Empty(Speakers("Helmut Brandauer met Sofia Lindqvist in Oslo last week to discuss the pipeline."));
    }

    [Fact]
    public void BareSurnameWithoutFullNameOrTitleIsDropped()
    {
        Assert.Empty(Speakers("Critics said the plan was rushed."));
    }

    [Fact]
    public void SurnameAfterCourtesyTitleIsKept()
    {
        Assert.Equal(["Okafor"], Speakers("“We are not done,” Mr. Okafor said."));
    }

    [Fact]
    public void TwoNamesJoinedByAndAreBothSpeakers()
    {
        Assert.Equal(["Ana Ruiz", "Ben Cole"], Speakers("Ana Ruiz and Ben Cole wrote that the data were incomplete."));
    }

    [Fact]
    public void QuoteGoesToNearestAttributionInParagraph()
    {
        var body = "“Prices will fall,” said Hiro Tanaka. But Maria Lopez disagreed: “They will rise again,” Lopez said.";
        var quotes = SpeakerExtractor.Extract(body).Quotes;
        Assert.Equal("Hiro Tanaka", quotes.Single(q => q.Text.StartsWith("Prices", StringComparison.Ordinal)).Speaker);
        Assert.Equal("Maria Lopez", quotes.Single(q => q.Text.StartsWith("They", StringComparison.Ordinal)).Speaker);
    }

    [Fact]
    public void TranscriptLabelResolvesToFullName()
    {
        var body = "Governor Dana Whitfield joined the program.\nWHITFIELD: We have closed the schools for the week.";
        Assert.Equal(["Dana Whitfield"], Speakers(body));
    }

    [Fact]
    public void HeadlineSuppliesFullNameForSurnameInBody()
    {
        var speakers = SpeakerExtractor.Extract("“No comment,” Abernathy said.", "Rowan Abernathy Quits the Board").Speakers;
        Assert.Equal(["Rowan Abernathy"], speakers);
    }

    [Fact]
    public void NameAfterPrepositionIsNotTheSpeaker()
    {
        Assert.Empty(Speakers("A spokesman for Mayor Lucas T. Brenner of Dayton said the route was approved."));
    }

    [Fact]
    public void LowercaseParticleStaysInName()
    {
        Assert.Equal(["Anika van der Berg"], Speakers("“The dikes will hold,” said Anika van der Berg, an engineer."));
    }

    [Fact]
    public void AttributionInsideQuoteIsNotTheArticles()
    {
        var (speakers, _, _) = SpeakerExtractor.Extract("“Even Governor Hal Pruitt said it would fail,” said Dora Kemp.");
        Assert.Equal(["Dora Kemp"], speakers);
    }

    [Fact]
    public void FamilyNameFirstResolvesToFullName()
    {
        var body = "Embassy spokesman Wang Jinhai rejected the report.\n“It is groundless,” Wang said on Monday.";
        Assert.Equal(["Wang Jinhai"], Speakers(body));
    }

    [Theory]
    [InlineData("Councillor Ruth Okafor announced a review of the parking fees.")]
    [InlineData("Ruth Okafor condemned the closure of the library.")]
    [InlineData("Ruth Okafor believes the ferry should run at night.")]
    [InlineData("Ruth Okafor threatened to resign over the budget.")]
    [InlineData("Ruth Okafor will propose a cap on rents next week.")]
    [InlineData("Ruth Okafor is arguing for a second bridge.")]
    public void AttributionVerbClassesNameTheSource(string body)
    {
        Assert.Equal(["Ruth Okafor"], Speakers(body));
    }

    [Theory]
    [InlineData("Ruth Okafor was criticized by the auditors for the delay.")]
    [InlineData("Ruth Okafor was not asked about the fees.")]
    [InlineData("A Ruth Okafor rally drew a small crowd on Friday.")]
    public void PassivesAndModifiersAreNotAttributions(string body)
    {
        Assert.Empty(Speakers(body));
    }

    [Fact]
    public void NameAfterSecretaryOfIsTheSubject()
    {
        Assert.Equal(["Alma Ferreira"], Speakers("Secretary of Labor Alma Ferreira said the tunnel would reopen."));
    }

    [Fact]
    public void RoleWordThatEndsANameIsTheSurname()
    {
        Assert.Equal(["Dale P. King"], Speakers("“We need the votes,” said Representative Dale P. King of Ohio."));
    }

    [Fact]
    public void AppositiveDoesNotRunAcrossSentences()
    {
        var body = "The firm hired a consultant, Harbor Logic, to help with the audit. Wendell Ames, its finance chief, said costs were falling.";
        Assert.Equal(["Wendell Ames"], Speakers(body));
    }

    [Fact]
    public void ParticipleInsideUnclosedAppositiveIsNotTheVerb()
    {
        Assert.Empty(Speakers("The court freed Ivo Marek, an engineer accused of spying, on Tuesday."));
    }

    [Fact]
    public void TheListenerOfToldIsNotTheSpeaker()
    {
        Assert.Empty(Speakers("“We are ready,” an aide told Harriet Voss in the lobby."));
    }

    [Fact]
    public void QuoteSignedWithADashNamesItsAuthor()
    {
        var body = "Readers wrote in about the new tram line.\n“It saves me an hour every single day.” ― Ilse Brandt\n“Too noisy at night for the whole street.” ― Tomas Oyelaran";
        Assert.Equal(["Ilse Brandt", "Tomas Oyelaran"], Speakers(body));
    }

    [Fact]
    public void AccordingToADocumentFromNamesItsAuthor()
    {
        Assert.Equal(["Greta Lindqvist"], Speakers("The mine will close in June, according to a statement from Greta Lindqvist."));
    }

    [Fact]
    public void ListWithFormerBeforeTheLastNameKeepsBoth()
    {
        var body = "Mayor Aldo Brun and former Mayor Irene Castell have pledged to oppose the new tax.";
        Assert.Equal(["Aldo Brun", "Irene Castell"], Speakers(body));
    }

    [Fact]
    public void PronounSkipsALastSpeakerWhoseTitleDisagrees()
    {
        var body = "Mr. Pieter Vos said the harbour café would close.\nThe owner was upset. “Nobody told us about the timetable,” she said.";
        var (speakers, quotes, _) = SpeakerExtractor.Extract(body);
        Assert.Equal(["Pieter Vos"], speakers);
        Assert.Empty(quotes);
    }

    [Fact]
    public void CompoundQualifierBeforeANameIsNotPartOfIt()
    {
        Assert.Equal(["Mirela Doncheva"], Speakers("Lisbon-based analyst Mirela Doncheva said the bond sale went well."));
    }

    [Fact]
    public void PrepositionOpeningASentenceIsNotPartOfTheName()
    {
        var body = "Tobias Renner said the road must wait.\nLike Renner, the mayor argued that the budget was too thin.";
        Assert.Equal(["Tobias Renner"], Speakers(body));
    }

    [Fact]
    public void GroupNamedAfterAPersonIsNotThatPerson()
    {
        Assert.Empty(Speakers("Nurses Against Halvorsen said the march would go ahead."));
    }

    [Fact]
    public void PollsterIsARoleBeforeAName()
    {
        Assert.Equal(["Dina Okoro"], Speakers("Pollster Dina Okoro said the race had tightened."));
    }

    [Fact]
    public void NameAndColonBeforeAQuoteNameTheSpeaker()
    {
        var body = "The results came in late on the coast. Petra Sandoval: “We did better than anyone expected tonight.”";
        Assert.Equal(["Petra Sandoval"], Speakers(body));
    }

    [Fact]
    public void AccordingToAReportFiledByNamesItsAuthor()
    {
        Assert.Equal(["Colm Baptiste"], Speakers("The pier was unsafe, according to a court document filed by Colm Baptiste."));
    }

    [Fact]
    public void ReporterCreditLineIsNotASpeaker()
    {
        var body = "Mayor Ilse Brandt said the tunnel would reopen.\nKofi Mensah reported from Accra.";
        Assert.Equal(["Ilse Brandt"], Speakers(body));
    }

    [Fact]
    public void DemonymPhraseIsNotASpeaker()
    {
        var body = "Asian Special Operations said the drill was routine.\nAdmiral Rhea Tolland said it was not.";
        Assert.Equal(["Rhea Tolland"], Speakers(body));
    }

    [Fact]
    public void HyphenatedQualifierBeforeANameIsCut()
    {
        Assert.Equal(["Dana Whitfield"], Speakers("Boston-area Dana Whitfield said the rents were too high."));
        Assert.Equal(["Ivo Rask"], Speakers("Oscar-winning Ivo Rask said he would not vote."));
    }

    [Fact]
    public void NameAndColonBeforeANumberIsATallyNotALabel()
    {
        var body = "THE TOTAL.\nMara Olsen: 1,204.\nTeo Brandt: 998.\nMara Olsen: We will keep counting.";
        Assert.Equal(["Mara Olsen"], Speakers(body));
    }

    [Fact]
    public void NameAfterAPrepositionOfPlaceIsNotTheSubject()
    {
        var body = "Strolling through Harbor Lane, Ada Moss and her aides, thanked the staff.\nAda Moss said she was pleased.";
        Assert.Equal(["Ada Moss"], Speakers(body));
    }

    [Fact]
    public void PhraseOpenedByARomanceArticleIsATitleUnlessItEndsAName()
    {
        Assert.Empty(Speakers("“The summit failed,” declared La Gazzetta Nuova on Sunday."));
        var body = "Marine Le Pen spoke in Lyon.\n“We are ready,” Le Pen said.";
        Assert.Equal(["Marine Le Pen"], Speakers(body));
    }

    [Fact]
    public void GerundBeforeASurnameIsNotAGivenName()
    {
        var body = "Orla Voss spoke at noon.\nTrailing Voss said the race was not over.";
        Assert.Equal(["Orla Voss"], Speakers(body));
    }
}
