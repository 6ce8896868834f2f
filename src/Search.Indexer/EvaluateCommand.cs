using System.CommandLine;
using Search.Indexer.Evaluation;

namespace Search.Indexer;

/// <summary>
/// <c>evaluate</c>: scores extraction against gold labels and prints precision, recall and F1 per field.
/// Gold is used here only, to measure; the extractor never reads it.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var seedsGold = new Option<FileInfo?>("--seeds-gold") { Description = "Hand labels of the seed pages (seeds-extraction.json)." };
        var seeds = new Option<DirectoryInfo>("--seeds")
        {
            Description = "Folder of the seed pages the labels describe.",
            DefaultValueFactory = _ => new DirectoryInfo("seeds"),
        };
        var polnear = new Option<FileInfo[]>("--polnear")
        {
            Description = "PolNeAR attribution gold (*.jsonl.gz); may be given several times.",
            AllowMultipleArgumentsPerToken = true,
        };
        var pages = new Option<DirectoryInfo?>("--pages") { Description = "Folder of labelled raw pages in the pages-dev format (NNN.txt + labels.json)." };
        var showErrors = new Option<int>("--show-errors")
        {
            Description = "List up to this many articles whose speakers differ from the gold (PolNeAR); any value above 0 lists every miss on --pages.",
            DefaultValueFactory = _ => 0,
        };

        var explainMisses = new Option<FileInfo?>("--explain-misses") { Description = "Write each PolNeAR miss and false positive, with its gold attributions in context, as JSON lines to this file." };

        var command = new Command("evaluate", "Score extraction against gold labels (seed labels, PolNeAR speaker attributions, labelled raw pages).");
        command.Options.Add(seedsGold);
        command.Options.Add(seeds);
        command.Options.Add(polnear);
        command.Options.Add(pages);
        command.Options.Add(showErrors);
        command.Options.Add(explainMisses);
        command.SetAction(result => Run(result.GetValue(seedsGold), result.GetValue(seeds)!, result.GetValue(polnear) ?? [], result.GetValue(pages), result.GetValue(showErrors), result.GetValue(explainMisses)));
        return command;
    }

    private static int Run(FileInfo? seedsGold, DirectoryInfo seeds, FileInfo[] polnear, DirectoryInfo? pages, int showErrors, FileInfo? explainMisses)
    {
        if (seedsGold is null && polnear.Length == 0 && pages is null)
        {
            Console.Error.WriteLine("error: give --seeds-gold, --polnear and/or --pages.");
            return 2;
        }

        if (pages is not null && !File.Exists(Path.Combine(pages.FullName, "labels.json")))
        {
            Console.Error.WriteLine($"error: '{pages.FullName}' has no labels.json.");
            return 2;
        }

        foreach (var missing in polnear.Where(f => !f.Exists).Append(seedsGold is { Exists: false } ? seedsGold : null).OfType<FileInfo>())
        {
            Console.Error.WriteLine($"error: '{missing.FullName}' does not exist.");
            return 2;
        }

        if (seedsGold is not null)
        {
            Console.WriteLine($"Seed gold: {seedsGold.Name} on {seeds.FullName}");
            foreach (var line in SeedGoldEvaluation.Run(seedsGold.FullName, seeds.FullName))
            {
                Console.WriteLine(line);
            }
        }

        using var explain = explainMisses is null ? null : new StreamWriter(explainMisses.FullName);
        foreach (var file in polnear)
        {
            Console.WriteLine();
            Console.WriteLine($"PolNeAR speakers: {file.Name}");
            foreach (var line in PolnearEvaluation.Run(file.FullName, showErrors, explain))
            {
                Console.WriteLine(line);
            }
        }

        if (pages is not null)
        {
            Console.WriteLine();
            Console.WriteLine($"Labelled pages: {pages.FullName}");
            foreach (var line in PagesEvaluation.Run(pages.FullName, showErrors > 0))
            {
                Console.WriteLine(line);
            }
        }

        return 0;
    }
}
