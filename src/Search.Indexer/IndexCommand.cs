using System.CommandLine;
using Search.Core.Indexing;

namespace Search.Indexer;

/// <summary>The default command: build an index from a folder, showing progress and a summary.</summary>
public static class IndexCommand
{
    public static void Configure(RootCommand root)
    {
        var input = new Option<DirectoryInfo>("--input", "-i")
        {
            Description = "Folder of article files (*.txt, *.html, *.htm, *.jsonl, *.jsonl.gz) with an optional metadata.json beside them.",
            DefaultValueFactory = _ => new DirectoryInfo("seeds"),
        };
        var index = new Option<DirectoryInfo>("--index", "-o")
        {
            Description = "Index folder to create; an existing index there is replaced only once the new one is complete.",
            DefaultValueFactory = _ => new DirectoryInfo("index"),
        };
        root.Options.Add(input);
        root.Options.Add(index);
        root.SetAction((result, cancellationToken) =>
            Task.FromResult(Run(result.GetValue(input)!, result.GetValue(index)!, cancellationToken)));
    }

    private static int Run(DirectoryInfo input, DirectoryInfo index, CancellationToken cancellationToken)
    {
        if (!input.Exists)
        {
            Console.Error.WriteLine($"error: input folder '{input.FullName}' does not exist.");
            return 2;
        }

        Console.WriteLine($"Indexing {input.FullName} into {index.FullName}");
        var progress = new ConsoleProgress();
        IndexBuildResult result;
        try
        {
            result = IndexBuilder.BuildFromFolder(input.FullName, index.FullName, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine("Cancelled; the existing index (if any) is unchanged.");
            return 130;
        }

        ConsoleProgress.Finish();
        PrintSummary(result);
        return result.Articles == 0 && result.Errors.Count > 0 ? 1 : 0;
    }

    private static void PrintSummary(IndexBuildResult result)
    {
        static string Share(int part, int whole) => whole == 0 ? "0" : $"{part} ({100.0 * part / whole:0}%)";
        Console.WriteLine($"Indexed {result.Articles} articles in {result.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"  with title      {Share(result.WithTitle, result.Articles)}");
        Console.WriteLine($"  with outlet     {Share(result.WithOutlet, result.Articles)}");
        Console.WriteLine($"  with speakers   {Share(result.WithSpeakers, result.Articles)} ({result.Speakers} speakers, {result.Quotes} quotes)");
        Console.WriteLine($"  with published  {Share(result.WithPublished, result.Articles)}");
        if (result.Errors.Count > 0)
        {
            Console.WriteLine($"  {result.Errors.Count} files not indexed:");
            foreach (var error in result.Errors)
            {
                Console.WriteLine($"    {Path.GetFileName(error.Path)}: {error.Reason}");
            }
        }
    }

    /// <summary>
    /// A one-line counter on stderr, redrawn at most ten times a second: articles so far and their rate, then
    /// files, since one JSON Lines file can hold the whole corpus.
    /// </summary>
    private sealed class ConsoleProgress : IProgress<IndexBuildProgress>
    {
        private readonly long _started = Environment.TickCount64;
        private long _lastDraw;

        public void Report(IndexBuildProgress value)
        {
            var now = Environment.TickCount64;
            if (now - _lastDraw < 100 && value.Done < value.Total)
            {
                return;
            }

            _lastDraw = now;
            var seconds = Math.Max(0.001, (now - _started) / 1000.0);
            var file = value.Done < value.Total ? $"file {value.Done + 1}/{value.Total} {value.CurrentFile}" : $"{value.Total} files";
            Console.Error.Write($"\r  {value.Articles:N0} articles ({value.Articles / seconds:N0}/s), {file}   ");
        }

        public static void Finish() => Console.Error.WriteLine();
    }
}
