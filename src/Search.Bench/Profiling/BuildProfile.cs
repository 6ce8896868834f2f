using System.Text.Json;
using Lucene.Net.Index;
using Search.Bench.Measurement;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Bench.Profiling;

/// <summary>
/// Where the bulk build without extraction spends its CPU (#23). On one thread, timed with this thread's CPU clock:
/// the document mapper and its parts (the body's surface analysis, the story fingerprint, the result card, the
/// quotes' JSON), then the analysis of every tokenized field of the mapped documents, per field, with the tokens
/// each yields. Then whole builds through <see cref="ArticleIndex.AddAll"/> with the product's writer settings,
/// timed in process CPU (all threads, merges and GC), split into adding, commit and waiting for merges.
/// </summary>
public static class BuildProfile
{
    /// <summary>CPU ms (and a count where it means something) per part of mapping and analysis, one thread.</summary>
    public static List<(string Part, double CpuMs, long Count)> MeasureMapping(IReadOnlyList<Article> articles)
    {
        var parts = new List<(string Part, double CpuMs, long Count)>();
        void Time(string part, Func<Article, long> run)
        {
            foreach (var article in articles.Take(200))
            {
                run(article);
            }

            GC.Collect();
            long count = 0;
            var began = ThreadCpuClock.NowMs();
            foreach (var article in articles)
            {
                count += run(article);
            }

            parts.Add((part, ThreadCpuClock.NowMs() - began, count));
        }

        Time("ToDocument (whole mapper)", a => ArticleDocumentMapper.ToDocument(a).Fields.Count);
        var reuse = new ReusableFields();
        Time("ToDocument with ReusableFields (as AddAll)", a => ArticleDocumentMapper.ToDocument(a, reuse).Fields.Count);
        Time("  body surface analysis (SurfaceTokens.Analyse)", a => SurfaceTokens.Analyse(a.Body).Count);
        Time("  story fingerprint", a => StoryFingerprint.Compute(a.Body)?.Length ?? 0);
        Time("  result card", a => ResultCard.Of(a).Encode().Length);
        Time("  quotes JSON", a => a.Quotes.Count == 0 ? 0 : JsonSerializer.Serialize(a.Quotes).Length);

        // Mapping plus every field's token stream consumed, with fresh fields and with one thread's reused fields:
        // the part of a build that ReusableFields changes, alternated three times (best kept) so load hits both alike.
        using var analyzer = new ArticleAnalyzer();
        var fresh = double.MaxValue;
        var reused = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            var began = ThreadCpuClock.NowMs();
            foreach (var article in articles)
            {
                ConsumeAll(ArticleDocumentMapper.ToDocument(article), analyzer);
            }

            fresh = Math.Min(fresh, ThreadCpuClock.NowMs() - began);
            GC.Collect();
            began = ThreadCpuClock.NowMs();
            foreach (var article in articles)
            {
                ConsumeAll(ArticleDocumentMapper.ToDocument(article, reuse), analyzer);
            }

            reused = Math.Min(reused, ThreadCpuClock.NowMs() - began);
        }

        parts.Add(("map + analyse every field, fresh fields (best of 3)", fresh, 0));
        parts.Add(("map + analyse every field, reused fields (best of 3)", reused, 0));

        // Analysis per field: each tokenized field's stream consumed as the indexing chain would, without inverting.
        var documents = articles.Select(ArticleDocumentMapper.ToDocument).ToList();
        var perField = new SortedDictionary<string, (double CpuMs, long Tokens)>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var field in document.Fields)
            {
                if (!field.IndexableFieldType.IsIndexed || !field.IndexableFieldType.IsTokenized)
                {
                    continue;
                }

                var began = ThreadCpuClock.NowMs();
                long tokens = 0;
                using (var stream = field.GetTokenStream(analyzer))
                {
                    stream.Reset();
                    while (stream.IncrementToken())
                    {
                        tokens++;
                    }

                    stream.End();
                }

                var (cpu, count) = perField.GetValueOrDefault(field.Name);
                perField[field.Name] = (cpu + ThreadCpuClock.NowMs() - began, count + tokens);
            }
        }

        // The mapped documents above re-made their replayed streams; fresh documents are needed for a second pass.
        parts.AddRange(perField.Select(f => ($"  analysis of field '{f.Key}' (tokens)", f.Value.CpuMs, f.Value.Tokens)));
        return parts;
    }

    private static long ConsumeAll(Lucene.Net.Documents.Document document, ArticleAnalyzer analyzer)
    {
        long tokens = 0;
        foreach (var field in document.Fields)
        {
            if (!field.IndexableFieldType.IsIndexed)
            {
                continue;
            }

            using var stream = field.GetTokenStream(analyzer);
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens++;
            }

            stream.End();
        }

        return tokens;
    }

    /// <summary>
    /// One bulk build of <paramref name="articles"/> through the product's <see cref="ArticleIndex.AddAll"/> on
    /// <paramref name="threads"/> threads: process CPU ms of adding, of the commit and of the merges left running.
    /// </summary>
    public static (double AddMs, double CommitMs, double MergeMs, double WallMs, long Bytes) MeasureBuild(
        IReadOnlyList<Article> articles, int threads, string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        GC.Collect();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var began = ProcessCpuClock.NowMs();
        double added, committed;
        using (var index = new ArticleIndex(path, writeAheadLog: false))
        {
            index.AddAll(articles, threads, CancellationToken.None);
            added = ProcessCpuClock.NowMs();
            index.Commit();
            committed = ProcessCpuClock.NowMs();
            index.WaitForMerges();
            index.Commit();
        }

        var ended = ProcessCpuClock.NowMs();
        var bytes = new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);
        Directory.Delete(path, recursive: true);
        return (added - began, committed - added, ended - committed, wall.Elapsed.TotalMilliseconds, bytes);
    }

    /// <summary>
    /// One bulk build straight through an <see cref="IndexWriter"/> with the product's writer settings changed to
    /// <paramref name="ramMegabytes"/> and <paramref name="compoundFiles"/>, its documents mapped with or without
    /// <see cref="ReusableFields"/> (without: the bulk path before #23's change), to choose those settings in one
    /// process on the same articles: process CPU ms of adding, of the commit and of the merges.
    /// </summary>
    public static (double AddMs, double CommitMs, double MergeMs, long Bytes, int Segments) MeasureWriterSettings(
        IReadOnlyList<Article> articles, int threads, bool reuseFields, double ramMegabytes, bool compoundFiles, string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        GC.Collect();
        var began = ProcessCpuClock.NowMs();
        double added, committed;
        using (var directory = Lucene.Net.Store.FSDirectory.Open(path))
        {
            var config = ArticleIndex.CreateWriterConfig(OpenMode.CREATE);
            config.RAMBufferSizeMB = ramMegabytes;
            config.UseCompoundFile = compoundFiles;
            using var writer = new IndexWriter(directory, config);
            var ranges = System.Collections.Concurrent.Partitioner.Create(0, articles.Count, Math.Max(1, articles.Count / (threads * 8)));
            Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => reuseFields ? new ReusableFields() : null, (range, _, fields) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    writer.AddDocument(ArticleDocumentMapper.ToDocument(articles[i], fields));
                }

                return fields;
            }, _ => { });
            added = ProcessCpuClock.NowMs();
            writer.Commit();
            committed = ProcessCpuClock.NowMs();
            writer.WaitForMerges();
            writer.Commit();
        }

        var ended = ProcessCpuClock.NowMs();
        var bytes = new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);
        var segments = new DirectoryInfo(path).EnumerateFiles("*.si").Count();
        Directory.Delete(path, recursive: true);
        return (added - began, committed - added, ended - committed, bytes, segments);
    }

    /// <summary>
    /// The writer-settings table: each variant built <paramref name="rounds"/> times, variants interleaved so a
    /// change in the machine's load hits all of them alike; the best (least CPU) build of each is printed.
    /// </summary>
    public static void CompareSettings(IReadOnlyList<Article> articles, int[] threadCounts, string work, int rounds)
    {
        var variants = new[] { (false, 64.0, true), (true, 64.0, true), (true, 256.0, true), (true, 64.0, false), (true, 256.0, false) };
        Console.WriteLine();
        Console.WriteLine($"| writer settings (IndexWriter; best of {rounds}, variants interleaved) | threads | reused fields | RAM buffer MB | compound files | add CPU s | commit CPU s | merges CPU s | total CPU s | articles per CPU-s | segments | MB |");
        Console.WriteLine("|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var threads in threadCounts)
        {
            var best = new (double Add, double Commit, double Merge, long Bytes, int Segments)[variants.Length];
            for (var round = 0; round < rounds; round++)
            {
                for (var v = 0; v < variants.Length; v++)
                {
                    var (reuse, ram, compound) = variants[v];
                    var result = MeasureWriterSettings(articles, threads, reuse, ram, compound, Path.Combine(work, "profile-settings"));
                    if (round == 0 || result.AddMs + result.CommitMs + result.MergeMs < best[v].Add + best[v].Commit + best[v].Merge)
                    {
                        best[v] = result;
                    }
                }
            }

            for (var v = 0; v < variants.Length; v++)
            {
                var (reuse, ram, compound) = variants[v];
                var (add, commit, merge, bytes, segments) = best[v];
                var total = add + commit + merge;
                Console.WriteLine($"| ours | {threads} | {(reuse ? "yes" : "no")} | {ram:N0} | {(compound ? "yes" : "no")} | {add / 1000:N1} | {commit / 1000:N1} | {merge / 1000:N1} | {total / 1000:N1} | {articles.Count / (total / 1000):N0} | {segments} | {bytes / 1e6:N0} |");
            }
        }
    }

    /// <summary>Prints the mapping table and one build per thread count.</summary>
    public static void Report(IReadOnlyList<Article> articles, int[] threadCounts, string work)
    {
        Console.WriteLine();
        Console.WriteLine($"| mapping and analysis, 1 thread, {articles.Count:N0} articles | CPU ms | µs per article | count |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (part, cpu, count) in MeasureMapping(articles))
        {
            Console.WriteLine($"| {part} | {cpu:N0} | {cpu * 1000 / articles.Count:N0} | {count:N0} |");
        }

        Console.WriteLine();
        Console.WriteLine("| bulk build (AddAll, product writer settings) | threads | add CPU s | commit CPU s | merges CPU s | total CPU s | articles per CPU-s | wall s | MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var threads in threadCounts)
        {
            var (add, commit, merge, wall, bytes) = MeasureBuild(articles, threads, Path.Combine(work, $"profile-build-{threads}"));
            var total = add + commit + merge;
            Console.WriteLine($"| ours | {threads} | {add / 1000:N1} | {commit / 1000:N1} | {merge / 1000:N1} | {total / 1000:N1} | {articles.Count / (total / 1000):N0} | {wall / 1000:N1} | {bytes / 1e6:N0} |");
        }
    }
}
