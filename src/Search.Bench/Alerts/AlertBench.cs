using System.Diagnostics;
using System.Globalization;
using System.Text;
using Search.Bench.Corpus;
using Search.Bench.Measurement;
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
/// /articles/bulk does. Rounds alternate 0 and N alerts on the same articles so drift in machine load hits both,
/// and each round gives one ratio; the median ratio is reported. CPU time, not wall time: the machine is shared.
/// Two clocks: the process's CPU time (everything ingest costs, merges and GC included) and the ingest thread's
/// own, split into staging (extraction, indexing, log) and acknowledging (alert matching and the match log).
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

        // One unmeasured round first: JIT tiering and the heap's growth would otherwise land on round 1 (its run with
        // no alerts cost up to twice the later ones, after a warm-up run with alerts alone).
        Measure(timed, background, [], output);
        Measure(timed, background, requests, output);
        var rounds = new List<(AlertRun Without, AlertRun With)>();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var without = Measure(timed, background, [], output);
            Print(0, without, timed.Count);
            var with = Measure(timed, background, requests, output);
            Print(alertCount, with, timed.Count);
            rounds.Add((without, with));
        }

        var report = Report(rounds, timed.Count, alertCount);
        Directory.CreateDirectory(output.FullName);
        File.WriteAllText(Path.Combine(output.FullName, "alerts.md"), report);
        Console.WriteLine(report);
        return 0;
    }

    private static void Print(int alerts, AlertRun run, int articles) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {alerts,6} alerts: {articles / run.WallSeconds,6:N0} articles/s wall, process CPU {run.ProcessMs / articles:N2} ms/article, "
            + $"ingest thread {run.StageMs / articles:N2} + {run.AcknowledgeMs / articles:N2} ms/article (staging + alerts), {run.Matches:N0} matches"));

    private static AlertRun Measure(List<Article> timed, List<Article> background, List<AlertRequest> requests, DirectoryInfo output)
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
            double stageMs = 0, acknowledgeMs = 0;
            var batch = new List<StagedWrite>(BatchSize);
            for (var i = 0; i < timed.Count; i++)
            {
                var start = ThreadCpuClock.NowMs();
                var (article, outcome, sequence) = ingestor.Stage(CorpusReader.ToRaw(timed[i]));
                batch.Add(new StagedWrite(article, outcome, sequence));
                stageMs += ThreadCpuClock.NowMs() - start;
                if (batch.Count == BatchSize || i == timed.Count - 1)
                {
                    // As POST /articles/bulk: the batch is made durable, then handed to the observers (alerts).
                    start = ThreadCpuClock.NowMs();
                    index.WaitDurable(sequence);
                    var durable = ThreadCpuClock.NowMs();
                    ingestor.Acknowledge(batch);
                    stageMs += durable - start;
                    acknowledgeMs += ThreadCpuClock.NowMs() - durable;
                    batch.Clear();
                }
            }

            clock.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var matches = saved.Sum(a => (long)alerts.Matches.Summarize(a.Id, 0).Count);
            return new AlertRun(clock.Elapsed.TotalSeconds, cpu, stageMs, acknowledgeMs, matches);
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


    private static string Report(List<(AlertRun Without, AlertRun With)> rounds, int articles, int alertCount)
    {
        double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        double PerArticle(Func<AlertRun, double> pick, bool with) => Median(rounds.Select(r => pick(with ? r.With : r.Without))) / articles;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| saved searches | process CPU ms/article | ingest thread: staging ms/article | ingest thread: alerts ms/article | articles/s wall | matches recorded |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var with in new[] { false, true })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {(with ? alertCount : 0):N0} | {PerArticle(r => r.ProcessMs, with):N2} | {PerArticle(r => r.StageMs, with):N2} | "
                + $"{PerArticle(r => r.AcknowledgeMs, with):N3} | {articles / Median(rounds.Select(r => (with ? r.With : r.Without).WallSeconds)):N0} | "
                + $"{(with ? rounds[0].With : rounds[0].Without).Matches:N0} |");
        }

        // Rate drop = 1 - rate(N) / rate(0) = 1 - cpu(0) / cpu(N), per round, so both runs of a round share the machine's load.
        var processDrop = Median(rounds.Select(r => 1 - (r.Without.ProcessMs / r.With.ProcessMs)));
        var threadDrop = Median(rounds.Select(r => 1 - ((r.Without.StageMs + r.Without.AcknowledgeMs) / (r.With.StageMs + r.With.AcknowledgeMs))));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Ingest rate drop with {alertCount:N0} saved searches, median of {rounds.Count} alternating rounds: {processDrop:P1} by process CPU time, "
            + $"{threadDrop:P1} by the ingest thread's CPU time (target: at most 20%). Load average at the end: {Search.Bench.Sharding.ProcessUsage.LoadAverages()}.");
        return text.ToString();
    }

    private sealed record AlertRun(double WallSeconds, double ProcessMs, double StageMs, double AcknowledgeMs, long Matches);
}
