using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

/// <summary>The averaged perceptron behind the quote attribution model (#24), on a small hand-made set.</summary>
public sealed class AttributionTrainerTests
{
    // Two kinds of quote: one whose source follows it closely ("after"), one with no attribution ("alone"). The
    // right answer is the close source for the first and no one for the second; "far" candidates are decoys.
    private static List<AttributionExample> Examples()
    {
        var examples = new List<AttributionExample>();
        for (var i = 0; i < 12; i++)
        {
            var attributed = new QuoteDecision($"quote {i}",
            [
                new QuoteCandidate(null, false, ["n:b", "n:rs"]),
                new QuoteCandidate("Far Person", false, ["Ta", "far", i % 2 == 0 ? "odd" : "even"]),
                new QuoteCandidate("Near Person", false, ["Ta", "near"]),
            ], RuleChoice: 2);
            examples.Add(new AttributionExample(attributed, new HashSet<int> { 2 }));
            var alone = new QuoteDecision($"fragment {i}",
            [
                new QuoteCandidate(null, false, ["n:b", "n:nrs"]),
                new QuoteCandidate("Someone", false, ["Tl", "far"]),
            ], RuleChoice: 0);
            examples.Add(new AttributionExample(alone, new HashSet<int> { 0 }));
        }

        return examples;
    }

    private static string Saved(AttributionModel model)
    {
        var text = new StringWriter();
        model.Save(text);
        return text.ToString();
    }

    [Fact]
    public void TrainingTwiceGivesTheSameModelFile()
    {
        Assert.Equal(Saved(AttributionTrainer.Train(Examples(), epochs: 4)), Saved(AttributionTrainer.Train(Examples(), epochs: 4)));
    }

    [Fact]
    public void TrainedModelMakesTheRightChoices()
    {
        var model = AttributionTrainer.Train(Examples(), epochs: 4);
        Assert.All(Examples(), e => Assert.Contains(model.Choose(e.Decision.Candidates), e.Right));
    }

    [Fact]
    public void NoneBiasTradesServedQuotesForPrecision()
    {
        var model = AttributionTrainer.Train(Examples(), epochs: 4);
        var attributed = Examples()[0].Decision.Candidates;
        Assert.Equal(0, model.WithNoneBias(1000).Choose(attributed));
        Assert.Equal(2, model.WithNoneBias(-1000).Choose(attributed));
    }

    [Fact]
    public void UntrainedModelServesNothing()
    {
        var empty = new AttributionModel(new Dictionary<string, double>());
        Assert.Equal(0, empty.Choose(Examples()[0].Decision.Candidates));
    }
}
