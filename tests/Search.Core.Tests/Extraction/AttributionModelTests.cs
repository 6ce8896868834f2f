using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

/// <summary>The learned quote attribution (#24, "recall beyond rules"): the shipped model and its hard limits, on made-up sentences.</summary>
public sealed class AttributionModelTests
{
    // "branded" is on no cue list, so the rules find no attribution in the paragraph and serve nothing; the sentence
    // names its subject right before the quote, which the model has learned to read as the source.
    private const string UnlistedCue =
        "Councillor Odile Varnet sits on the harbour board.\n"
        + "Varnet branded the new toll “a tax on every family that lives across the water.”";

    [Fact]
    public void ShippedModelLoadsWithoutConfiguration()
    {
        Assert.True(AttributionModel.Default.FeatureCount > 50);
    }

    [Fact]
    public void RulesAloneServeNoQuoteWithoutAnAttribution()
    {
        var (_, quotes, _) = SpeakerExtractor.Extract(UnlistedCue, null, model: null, observe: null);
        Assert.Empty(quotes);
    }

    [Fact]
    public void ShippedModelGivesTheQuoteToTheSentencesSubject()
    {
        var quote = Assert.Single(SpeakerExtractor.Extract(UnlistedCue).Quotes);
        Assert.Equal("Odile Varnet", quote.Speaker);
        Assert.Equal("a tax on every family that lives across the water.", quote.Text);
    }

    [Fact]
    public void ModelDoesNotAddMentionedPeopleToTheSpeakers()
    {
        Assert.DoesNotContain("Odile Varnet", SpeakerExtractor.Extract(UnlistedCue).Speakers);
    }

    [Fact]
    public void TitleCaseQuoteIsNeverServedWhateverTheModelSays()
    {
        // A model that would serve anything to anyone still may not serve the name of a show.
        var eager = new AttributionModel(new Dictionary<string, double> { ["Ta"] = 100, ["Tm"] = 100, ["Tl"] = 100 });
        var (_, quotes, _) = SpeakerExtractor.Extract("Mara Quillon said she watches “Breakfast With The Nation” every week.", null, eager, observe: null);
        Assert.Empty(quotes);
    }

    [Fact]
    public void EveryDecisionOffersNoOneFirstAndKnowsTheRulesChoice()
    {
        var decisions = new List<QuoteDecision>();
        SpeakerExtractor.Extract("“The bridge will open in May,” said Marta Kowalczyk, the city engineer.", null, model: null, decisions.Add);
        var decision = Assert.Single(decisions);
        Assert.Null(decision.Candidates[0].Name);
        Assert.Equal("Marta Kowalczyk", decision.Candidates[decision.RuleChoice].Name);
    }

    [Fact]
    public void SavedModelReadsBackToTheSameText()
    {
        var model = new AttributionModel(new Dictionary<string, double> { ["b"] = 0.5, ["a"] = -1.25 }, noneBias: 2);
        var first = new StringWriter();
        model.Save(first);
        var second = new StringWriter();
        AttributionModel.Load(new StringReader(first.ToString())).Save(second);
        Assert.Equal("#none-bias\t2\na\t-1.25\nb\t0.5\n", first.ToString());
        Assert.Equal(first.ToString(), second.ToString());
    }
}
