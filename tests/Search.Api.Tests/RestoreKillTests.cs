using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Search;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Shared;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// kill -9 of the indexer's <c>restore</c> command at random moments (#13): whatever moment the kill hits,
/// the next opener (the server, or another restore) finds the whole old index or the whole backup, never a
/// mix, never nothing, and never a folder it cannot open.
/// </summary>
public sealed class RestoreKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 8;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "restore-kill-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AKilledRestoreLeavesTheOldIndexOrTheBackupWhole()
    {
        var backup = Path.Combine(_root, "backup");
        var live = Path.Combine(_root, "live");
        var backupIds = Build(backup, "b", 600);
        var random = new Random(4242);

        // One restore run to completion gives the span the kills are spread over.
        var liveIds = Build(live, "l", 400);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, await RunRestore(backup, live, killAfter: null));
        var span = clock.Elapsed;
        Assert.Equal(backupIds, Ids(live));

        var outcomes = new Dictionary<string, int>();
        for (var round = 0; round < Rounds; round++)
        {
            Directory.Delete(live, recursive: true);
            liveIds = Build(live, $"l{round}-", 300 + round);
            await RunRestore(backup, live, killAfter: span * random.NextDouble());

            // What the server does first at start-up; then the index must open, holding one whole side.
            IndexSwap.CompleteInterrupted(live);
            var found = Ids(live);
            var outcome = found.SetEquals(backupIds) ? "backup" : found.SetEquals(liveIds) ? "old" : null;
            Assert.True(outcome is not null, $"round {round}: the index holds {found.Count} articles, neither the old {liveIds.Count} nor the backup's {backupIds.Count}");
            outcomes[outcome!] = outcomes.GetValueOrDefault(outcome!) + 1;
        }

        output.WriteLine($"restore killed {Rounds} times over a {span.TotalMilliseconds:0} ms run: "
            + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        Assert.Equal(Rounds, outcomes.Values.Sum());
    }

    /// <summary>Runs <c>Search.Indexer restore</c>; with <paramref name="killAfter"/>, kill -9 after that long.</summary>
    private static async Task<int> RunRestore(string backup, string live, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ApiServerProcess.ProjectAssemblyPath("Search.Indexer"), "restore", "--from", backup, "--index", live })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (killAfter is { } delay)
        {
            await Task.Delay(delay);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync();
        await Task.WhenAll(output, errors);
        return process.ExitCode;
    }

    private static HashSet<string> Build(string folder, string prefix, int count)
    {
        using var index = new ArticleIndex(folder, writeAheadLog: false);
        var articles = Enumerable.Range(0, count).Select(i => new Article($"{prefix}{i}", null, $"Title {prefix}{i}",
            $"Body of article {prefix}{i} about the restore test, with words {i * 31} and {i * 17}.", "Outlet", [], [], [], null)).ToList();
        index.AddAll(articles, threads: 1, CancellationToken.None);
        index.Commit();
        return [.. articles.Select(a => a.Id)];
    }

    private static HashSet<string> Ids(string folder)
    {
        using var index = new ArticleIndex(folder, writeAheadLog: false);
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in searcher.Search(new MatchAllDocsQuery(), Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs)
        {
            ids.Add(searcher.Doc(hit.Doc).Get(ArticleFields.Id, CultureInfo.InvariantCulture));
        }

        return ids;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
