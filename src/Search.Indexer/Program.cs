using System.CommandLine;
using Search.Indexer;

var root = new RootCommand("Builds a news search index from a folder of article files (.txt, with an optional metadata.json).");
IndexCommand.Configure(root);
root.Subcommands.Add(RestoreCommand.Create());
return await root.Parse(args).InvokeAsync();
