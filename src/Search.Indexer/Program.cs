using System.CommandLine;
using Search.Indexer;

var root = new RootCommand("Builds a news search index from a folder of article files (.txt, .html, .jsonl[.gz]).");
IndexCommand.Configure(root);
root.Subcommands.Add(RestoreCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(ExtractionTimingCommand.Create());
root.Subcommands.Add(TrainAttributionCommand.Create());
return await root.Parse(args).InvokeAsync();
