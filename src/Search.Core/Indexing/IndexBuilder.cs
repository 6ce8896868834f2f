using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// Builds a whole index from a folder of articles. It writes into a fresh sibling folder and swaps it
/// in only when complete, so a failed or cancelled build leaves the existing index untouched.
/// </summary>
public static class IndexBuilder
{
    /// <summary>Articles handed to <see cref="ArticleIndex.AddAll"/> at once: enough to keep every core busy, few enough to bound memory.</summary>
    private const int BatchSize = 2_000;

    public static IndexBuildResult BuildFromFolder(
        string inputFolder,
        string indexPath,
        IProgress<IndexBuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(inputFolder))
        {
            throw new DirectoryNotFoundException($"Input folder '{inputFolder}' does not exist.");
        }

        var stopwatch = Stopwatch.StartNew();
        var target = Path.GetFullPath(indexPath);
        var building = target.TrimEnd(Path.DirectorySeparatorChar) + ".building-" + Guid.NewGuid().ToString("N")[..8];
        var files = ArticleFolderReader.ListArticleFiles(inputFolder);
        var errors = new List<IndexFileError>();
        int articles = 0, withTitle = 0, withOutlet = 0, withSpeakers = 0, withPublished = 0, speakers = 0, quotes = 0;

        try
        {
            // The bulk path (ArticleIndex.AddAll on every core, in batches), then one commit.
            using (var index = new ArticleIndex(building, writeAheadLog: false))
            {
                var batch = new List<Article>(BatchSize);
                void Flush()
                {
                    index.AddAll(batch, Environment.ProcessorCount, cancellationToken);
                    batch.Clear();
                }

                // Progress counts articles: a JSON Lines file yields many articles under one path.
                var done = 0;
                string? currentPath = null;
                foreach (var file in ArticleFolderReader.Read(inputFolder))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!string.Equals(file.Path, currentPath, StringComparison.Ordinal))
                    {
                        if (currentPath is not null)
                        {
                            done++;
                        }

                        currentPath = file.Path;
                    }

                    if (file.Article is null)
                    {
                        errors.Add(new IndexFileError(file.Path, file.Error ?? "unreadable"));
                        continue;
                    }

                    var article = ArticleParser.Parse(file.Article);
                    batch.Add(article);
                    if (batch.Count == BatchSize)
                    {
                        Flush();
                    }

                    articles++;
                    withTitle += article.Title is null ? 0 : 1;
                    withOutlet += article.Outlet is null ? 0 : 1;
                    withSpeakers += article.Speakers.Count == 0 ? 0 : 1;
                    withPublished += article.Published is null ? 0 : 1;
                    speakers += article.Speakers.Count;
                    quotes += article.Quotes.Count;
                    progress?.Report(new IndexBuildProgress(articles, done, files.Count, Path.GetFileName(file.Path)));
                }

                Flush();

                progress?.Report(new IndexBuildProgress(articles, files.Count, files.Count, ""));
                index.Commit();
            }

            Swap(building, target);
        }
        catch
        {
            TryDelete(building);
            throw;
        }

        return new IndexBuildResult(articles, withTitle, withOutlet, withSpeakers, withPublished, speakers, quotes, errors, stopwatch.Elapsed);
    }

    /// <summary>True when the folder holds a committed Lucene index.</summary>
    public static bool IndexExists(string indexPath)
    {
        if (!System.IO.Directory.Exists(indexPath))
        {
            return false;
        }

        using var directory = FSDirectory.Open(indexPath);
        return DirectoryReader.IndexExists(directory);
    }

    /// <summary>
    /// Replaces the index at <paramref name="indexPath"/> with a copy of the backup at
    /// <paramref name="backupPath"/>. The backup is checked first, and the swap happens only once the
    /// copy is complete; a running server holding the index makes this fail with <see cref="IndexLockedException"/>.
    /// </summary>
    public static int Restore(string backupPath, string indexPath)
    {
        if (!IndexExists(backupPath))
        {
            throw new InvalidDataException($"'{backupPath}' does not hold a Lucene index backup.");
        }

        var target = Path.GetFullPath(indexPath);
        IndexSwap.CompleteInterrupted(target);
        var copying = target.TrimEnd(Path.DirectorySeparatorChar) + ".restoring-" + Guid.NewGuid().ToString("N")[..8];
        System.IO.Directory.CreateDirectory(copying);
        foreach (var file in System.IO.Directory.EnumerateFiles(backupPath))
        {
            File.Copy(file, Path.Combine(copying, Path.GetFileName(file)));
        }

        int count;
        using (var restored = new ArticleIndex(copying, writeAheadLog: false))
        {
            count = restored.Count;
        }

        Swap(copying, target);
        return count;
    }

    private static void Swap(string building, string target)
    {
        if (IndexExists(target))
        {
            // Never swap an index out from under a running server: opening a writer fails if one holds it.
            using var probe = new ArticleIndex(target, writeAheadLog: false);
        }

        IndexSwap.Run(building, target);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless and is named so nobody mistakes it for the index.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: leave it rather than fail a build that succeeded.
        }
    }
}
