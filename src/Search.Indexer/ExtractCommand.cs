using System.CommandLine;
using System.Text.Json;
using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Indexer;

/// <summary><c>extract</c>: shows what the parser makes of one text file, for checking a rule by hand.</summary>
public static class ExtractCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A page-text, HTML or JSON Lines file." };
        var command = new Command("extract", "Print the articles extracted from one file as JSON.");
        command.Arguments.Add(file);
        command.SetAction(result =>
        {
            var exit = 0;
            foreach (var read in ArticleFolderReader.ReadFile(result.GetValue(file)!.FullName))
            {
                if (read.Article is null)
                {
                    Console.Error.WriteLine($"{read.Path}: {read.Error}");
                    exit = 1;
                    continue;
                }

                Console.WriteLine(JsonSerializer.Serialize(ArticleParser.Parse(read.Article), Indented));
            }

            return exit;
        });
        return command;
    }
}
