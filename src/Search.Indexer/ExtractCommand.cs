using System.CommandLine;
using System.Text.Json;
using Search.Core.Articles;

namespace Search.Indexer;

/// <summary><c>extract</c>: shows what the parser makes of one text file, for checking a rule by hand.</summary>
public static class ExtractCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A page-text file." };
        var command = new Command("extract", "Print the article extracted from one text file as JSON.");
        command.Arguments.Add(file);
        command.SetAction(result =>
        {
            var info = result.GetValue(file)!;
            var article = ArticleParser.Parse(new RawArticle { Id = Path.GetFileNameWithoutExtension(info.Name), Text = File.ReadAllText(info.FullName) });
            Console.WriteLine(JsonSerializer.Serialize(article, Indented));
            return 0;
        });
        return command;
    }
}
