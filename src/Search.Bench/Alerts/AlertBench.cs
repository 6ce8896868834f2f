using System.Diagnostics;
using System.Globalization;
using System.Text;
using Search.Bench.Corpus;
using Search.Core;
using Search.Core.Alerts;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;

namespace Search.Bench.Alerts;

/// <summary>
/// Ingest rate with and without saved searches. Each run opens a fresh index with its write-ahead log (as the
/// server does), bulk-loads a background slice of the corpus (so the pre-filter can prefer rare words, as it
/// would on a live index), saves the alerts, then ingests the timed articles through <see cref="ArticleIngestor"/>
/// (extraction, write-ahead log, alert matching and match log) in batches made durable together, as POST
/// /articles/bulk does. Runs alternate 0 and N alerts so drift in machine load hits both.
/// </summary>
public static class AlertBench
{
    private const int BatchSize = 500;

    public static int Run(FileInfo data, int articleCount, int alertCount, int repeats, DirectoryInfo output)
    {
        var all = CorpusReader.Read(data.FullName, articleCount * 2);
        var timed = all.Take(articleCount).ToList();
        var background = all.Skip(articleCount).ToList();
        var requests = SavedSearchGenerator.Generate(all, alertCount, seed: 18);
        Console.WriteLine($"{timed.Count:N0} timed articles, {background.Count:N0} background articles, {requests.Count:N0} saved searches");

        var rows = new List<(int Alerts, double WallSeconds, double CpuSeconds, long Matches)>();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            foreach (var alerts in new[] { 0, alertCount })
            {
                var row = Measure(timed, background, alerts == 0 ? [] : requests, output);
                rows.Add((alerts, row.Wall, row.Cpu, row.Matches));
                Console.WriteLine($"  {alerts,6} alerts: {timed.Count / row.Wall,8:N0} articles/s wall, {timed.Count / row.Cpu,8:N0} articles/CPU-s, {row.Matches:N0} matches");
            }
        }

        var report = Report(rows, timed.Count, alertCount);
        Directory.CreateDirectory(output.FullName);
        File.WriteAllText(Path.Combine(output.FullName, "alerts.md"), report);
        Console.WriteLine(report);
        return 0;
    }

    private static (double Wall, double Cpu, long Matches) Measure(List<Article> timed, List<Article> background,
        List<AlertRequest> requests, DirectoryInfo output)
    {
        var folder = Path.Combine(output.FullName, "work", "alerts-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new ArticleIndex(folder);
            index.AddAll(background, threads: 1, CancellationToken.None);
            index.Commit();
            index.Refresh();
            var options = new SearchOptions { IndexPath = folder };
            using var alerts = new AlertService(index, SynonymExpander.Empty, options, new AlertOptions());
            var saved = alerts.CreateAll(requests);
            var ingestor = new ArticleIngestor(index, [alerts]);

            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var batch = new List<StagedWrite>(BatchSize);
            for (var i = 0; i < timed.Count; i++)
            {
                var (article, outcome, sequence) = ingestor.Stage(ToRaw(timed[i]));
                batch.Add(new StagedWrite(article, outcome, sequence));
                if (batch.Count == BatchSize || i == timed.Count - 1)
                {
                    // As POST /articles/bulk: the batch is made durable, then handed to the observers (alerts).
                    index.WaitDurable(sequence);
                    ingestor.Acknowledge(batch);
                    batch.Clear();
                }
            }

            clock.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var matches = saved.Sum(a => (long)alerts.Matches.Summarize(a.Id, 0).Count);
            return (clock.Elapsed.TotalSeconds, cpu, matches);
        }
        finally
        {
            foreach (var path in new[] { folder, folder + ".alerts" })
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }

            File.Delete(folder + ".wal");
        }
    }

    /// <summary>The corpus fields as a client would post them: given fields win, extraction fills in the rest.</summary>
    private static RawArticle ToRaw(Article article) => new()
    {
        Id = article.Id,
        Text = article.Body,
        Url = article.Url,
        Title = article.Title,
        Outlet = article.Outlet,
        Published = article.Published,
    };

    private static string Report(List<(int Alerts, double Wall, double Cpu, long Matches)> rows, int articles, int alertCount)
    {
        double Best(int alerts, Func<(int Alerts, double Wall, double Cpu, long Matches), double> pick) =>
            rows.Where(r => r.Alerts == alerts).Min(pick);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| saved searches | articles/s (wall, best of {rows.Count / 2}) | articles per CPU-second (best) | matches recorded |");
        text.AppendLine("| ---: | ---: | ---: | ---: |");
        foreach (var alerts in new[] { 0, alertCount })
        {
            var matches = rows.First(r => r.Alerts == alerts).Matches;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {alerts:N0} | {articles / Best(alerts, r => r.Wall):N0} | {articles / Best(alerts, r => r.Cpu):N0} | {matches:N0} |");
        }

        var drop = 1 - (Best(0, r => r.Cpu) / Best(alertCount, r => r.Cpu));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ingest rate drop with {alertCount:N0} saved searches (CPU time): {drop:P1} (target: at most 20%).");
        return text.ToString();
    }
}
