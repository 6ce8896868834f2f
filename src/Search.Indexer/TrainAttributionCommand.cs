using System.CommandLine;
using System.Globalization;
using System.Text;
using Search.Core.Extraction;
using Search.Indexer.Evaluation;

namespace Search.Indexer;

/// <summary>
/// <c>train-attribution</c>: learns the quote attribution model (#24) from PolNeAR train and tunes it on dev: the
/// number of averaged-perceptron passes and the bias of "serve to no one" are the pair that maximises gold direct
/// quotes found plus speaker right on dev while precision is kept: served quotes stay inside gold contents at ≥ 97.5%
/// and speaker right is no worse than the rules' (the judge of <c>evaluate</c>). Test is never read. Examples are taken in file order and nothing is random, so the same files
/// give the same model file, byte for byte.
/// </summary>
public static class TrainAttributionCommand
{
    private const double MinimumInside = 0.975;

    public static Command Create()
    {
        var train = new Option<FileInfo>("--train") { Description = "PolNeAR train split (polnear-train.jsonl.gz).", Required = true };
        var dev = new Option<FileInfo>("--dev") { Description = "PolNeAR dev split, for tuning (polnear-dev.jsonl.gz).", Required = true };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the model.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "Search.Core", "Extraction", "attribution-model.tsv")),
        };
        var command = new Command("train-attribution", "Train the quote attribution model on PolNeAR train, tuned on dev.");
        command.Options.Add(train);
        command.Options.Add(dev);
        var explain = new Option<FileInfo?>("--explain") { Description = "Write each dev decision the tuned model gets wrong to this file." };
        command.Options.Add(output);
        command.Options.Add(explain);
        command.SetAction(result => Run(result.GetValue(train)!, result.GetValue(dev)!, result.GetValue(output)!, result.GetValue(explain)));
        return command;
    }

    private static int Run(FileInfo train, FileInfo dev, FileInfo output, FileInfo? explain)
    {
        foreach (var missing in new[] { train, dev }.Where(f => !f.Exists))
        {
            Console.Error.WriteLine($"error: '{missing.FullName}' does not exist.");
            return 2;
        }

        var trainArticles = AttributionExamples.Read(train.FullName);
        var devArticles = AttributionExamples.Read(dev.FullName);
        var examples = trainArticles.SelectMany(AttributionExamples.Label).ToList();
        Console.WriteLine($"{examples.Count} training decisions from {trainArticles.Count} articles; {devArticles.Sum(a => a.Decisions.Count)} dev decisions");
        var rules = AttributionExamples.Judge(devArticles, null);
        Console.WriteLine($"rules on dev: {Show(rules)}");
        var devExamples = devArticles.SelectMany(AttributionExamples.Label).ToList();
        Console.WriteLine($"dev decisions whose right answer is a source among the candidates: {devExamples.Count(e => !e.Right.Contains(0))}, not served: {devExamples.Count(e => e.Right.Contains(0))}");

        AttributionModel? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var epochs in new[] { 1, 2, 3, 5, 8, 12, 20 })
        {
            var model = AttributionTrainer.Train(examples, epochs);
            for (var step = -32; step <= 16; step++)
            {
                var biased = model.WithNoneBias(step * 0.5);
                var rates = AttributionExamples.Judge(devArticles, biased);
                // Precision kept: quotes inside gold contents and speaker right no worse than the rules on dev.
                var kept = rates.Inside >= MinimumInside && rates.SpeakerRight >= rules.SpeakerRight;
                var score = (kept ? 0 : -10) + rates.Found + rates.SpeakerRight;
                if (score > bestScore)
                {
                    (best, bestScore) = (biased, score);
                    Console.WriteLine($"  best so far: epochs {epochs,2} none-bias {biased.NoneBias,5:0.00}: {Show(rates)}");
                }

                if (step % 4 == 0)
                {
                    Console.WriteLine($"  epochs {epochs,2} none-bias {biased.NoneBias,5:0.00}: {Show(rates)}");
                }
            }
        }

        if (explain is not null)
        {
            using var writer = new StreamWriter(explain.FullName);
            foreach (var example in devExamples.Where(e => !e.Right.Contains(best!.Choose(e.Decision.Candidates))))
            {
                string Name(int i) => example.Decision.Candidates[i].Name ?? "(no one)";
                writer.WriteLine($"chose {Name(best!.Choose(example.Decision.Candidates))}; rules {Name(example.Decision.RuleChoice)}; right {string.Join(" | ", example.Right.Select(Name))}; candidates {string.Join(" | ", example.Decision.Candidates.Skip(1).Select(c => c.Name + " (" + c.Features[0] + ")"))}: “{example.Decision.Text}”");
            }
        }

        var text = new StringWriter(CultureInfo.InvariantCulture);
        best!.Save(text);
        File.WriteAllText(output.FullName, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Console.WriteLine($"wrote {output.FullName}: {best.FeatureCount} features, none-bias {best.NoneBias:0.00}");
        return 0;
    }

    private static string Show((double Inside, double SpeakerRight, double Found) rates) =>
        $"inside {rates.Inside:0.000}, speaker right {rates.SpeakerRight:0.000}, gold quotes found {rates.Found:0.000}";
}
