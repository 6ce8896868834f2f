using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Indexer;

/// <summary>
/// <c>time-extraction</c>: measures the CPU time <see cref="ArticleParser.Parse"/> takes per article over a
/// corpus, on one thread, and can write every extracted field to a file so two versions can be diffed.
/// Reading and JSON decoding happen before the clock starts; the process's total CPU time is used, so
/// garbage collection and JIT work on other threads count too.
/// </summary>
public static class ExtractionTimingCommand
{
    public static Command Create()
    {
        var corpus = new Argument<FileInfo>("corpus") { Description = "A JSON Lines file (.jsonl or .jsonl.gz) of articles." };
        var limit = new Option<int>("--limit") { Description = "Use only the first N articles (0: all).", DefaultValueFactory = _ => 0 };
        var dump = new Option<FileInfo?>("--dump") { Description = "Write the extracted fields, one JSON line per article." };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes over the articles; the fastest is reported.", DefaultValueFactory = _ => 1 };
        var command = new Command("time-extraction", "Measure extraction CPU time per article over a corpus.");
        command.Arguments.Add(corpus);
        command.Options.Add(limit);
        command.Options.Add(dump);
        command.Options.Add(rounds);
        command.SetAction(result => Run(result.GetValue(corpus)!, result.GetValue(limit), result.GetValue(dump), Math.Max(1, result.GetValue(rounds))));
        return command;
    }

    private static int Run(FileInfo corpus, int limit, FileInfo? dump, int rounds)
    {
        if (!corpus.Exists)
        {
            Console.Error.WriteLine($"error: '{corpus.FullName}' does not exist.");
            return 2;
        }

        var raws = JsonLinesArticleReader.Read(corpus.FullName).Select(f => f.Article).OfType<RawArticle>();
        var articles = (limit > 0 ? raws.Take(limit) : raws).ToList();
        var characters = articles.Sum(a => (long)a.Text.Length);

        // Warm-up: the first calls pay for JIT and the regex constructors.
        foreach (var raw in articles.Take(200))
        {
            ArticleParser.Parse(raw);
        }

        var process = Process.GetCurrentProcess();
        var best = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            foreach (var raw in articles)
            {
                ArticleParser.Parse(raw);
            }

            wall.Stop();
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            best = Math.Min(best, cpuMs);
            Console.WriteLine($"round {round + 1}: {articles.Count} articles ({characters / 1e6:F1} M chars): "
                + $"CPU {cpuMs / 1000:F2} s = {cpuMs / articles.Count:F3} ms/article; wall {wall.Elapsed.TotalSeconds:F2} s");
        }

        Console.WriteLine($"best: {best / articles.Count:F3} ms CPU/article");
        TimeQuoteAttribution(articles, rounds, process);
        if (dump is not null)
        {
            using var writer = new StreamWriter(dump.FullName);
            foreach (var raw in articles)
            {
                var article = ArticleParser.Parse(raw);
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    article.Id,
                    article.Title,
                    article.Outlet,
                    article.Credit,
                    article.Published,
                    article.Sources,
                    article.Speakers,
                    Quotes = article.Quotes.Select(q => $"{q.Speaker}: {q.Text}"),
                    BodyLength = article.Body.Length,
                    BodyHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(article.Body)))[..16],
                }));
            }
        }

        return 0;
    }

    /// <summary>
    /// The speaker step alone on the parsed bodies, by the rules and with the learned attribution (#24), the two
    /// interleaved round by round so that the machine's load falls on both alike; the best round of each is shown.
    /// </summary>
    private static void TimeQuoteAttribution(List<RawArticle> raws, int rounds, Process process)
    {
        var parsed = raws.Select(ArticleParser.Parse).ToList();
        var best = new[] { double.MaxValue, double.MaxValue };
        for (var round = 0; round < rounds; round++)
        {
            for (var variant = 0; variant < 2; variant++)
            {
                var model = variant == 0 ? null : AttributionModel.Default;
                GC.Collect();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                foreach (var article in parsed)
                {
                    SpeakerExtractor.Extract(article.Body, article.Title, model, observe: null);
                }

                process.Refresh();
                best[variant] = Math.Min(best[variant], (process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        Console.WriteLine($"speaker step: rules {best[0] / raws.Count:F3} ms, with the attribution model {best[1] / raws.Count:F3} ms CPU/article (best of {rounds})");
    }
}
