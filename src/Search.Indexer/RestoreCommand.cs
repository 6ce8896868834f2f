using System.CommandLine;
using Search.Core.Indexing;

namespace Search.Indexer;

/// <summary><c>restore --from BACKUP --index INDEX</c>: puts a backup (from POST /admin/backup) back in place.</summary>
public static class RestoreCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "Backup folder to restore.", Required = true };
        var index = new Option<DirectoryInfo>("--index", "-o")
        {
            Description = "Index folder to replace (the server using it must be stopped).",
            DefaultValueFactory = _ => new DirectoryInfo("index"),
        };
        var command = new Command("restore", "Replaces an index with a backup, checking the backup first.") { from, index };
        command.SetAction(result =>
        {
            var source = result.GetValue(from)!;
            var target = result.GetValue(index)!;
            try
            {
                var articles = IndexBuilder.Restore(source.FullName, target.FullName);
                Console.WriteLine($"Restored {articles} articles from {source.FullName} into {target.FullName}");
                return 0;
            }
            catch (Exception ex) when (ex is InvalidDataException or IndexLockedException or IOException)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
        });
        return command;
    }
}
