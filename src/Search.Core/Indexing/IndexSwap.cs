namespace Search.Core.Indexing;

/// <summary>
/// Puts a finished index folder (a build, a restored backup) in place of the live one so that a kill -9 at any
/// moment leaves something a start can use. Two directory renames cannot be one atomic step, so the swap is
/// journaled first (<c>{index}.swap</c>: the new folder and where the old one goes, fsynced), and
/// <see cref="CompleteInterrupted"/>, run before an index is opened, rolls an interrupted swap forward. Each
/// step can be run again, so a kill during the roll-forward is handled the same way. The old index's
/// write-ahead log is deleted with it: replaying it onto the new index would be wrong.
/// </summary>
public static class IndexSwap
{
    /// <summary>Steps, in order; a test hook may stop after any of them, as a kill would.</summary>
    public const int Journaled = 1, OldMovedAside = 2, NewMovedIn = 3, LogDeleted = 4;

    /// <summary>Replaces <paramref name="target"/> with <paramref name="building"/>.</summary>
    /// <param name="building">The finished new index folder.</param>
    /// <param name="target">The live index folder (missing on a first build).</param>
    /// <param name="afterStep">Called after each step (tests make it throw, to stop there as a kill would).</param>
    public static void Run(string building, string target, Action<int>? afterStep = null)
    {
        target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var old = target + ".old-" + Guid.NewGuid().ToString("N")[..8];
        var journal = JournalPath(target);
        using (var file = new FileStream(journal, FileMode.Create, FileAccess.Write))
        using (var writer = new StreamWriter(file))
        {
            writer.WriteLine(Path.GetFullPath(building));
            writer.WriteLine(old);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        DirectorySync.Sync(Path.GetDirectoryName(target)!);
        afterStep?.Invoke(Journaled);
        RollForward(target, afterStep);
    }

    /// <summary>Finishes a swap a kill interrupted; does nothing when none was under way.</summary>
    public static void CompleteInterrupted(string target)
    {
        target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(JournalPath(target)))
        {
            RollForward(target, afterStep: null);
        }
    }

    private static void RollForward(string target, Action<int>? afterStep)
    {
        var journal = JournalPath(target);
        var lines = File.ReadAllLines(journal);
        if (lines.Length < 2)
        {
            // Killed while the journal itself was written: nothing was moved yet.
            File.Delete(journal);
            return;
        }

        var (building, old) = (lines[0], lines[1]);
        if (Directory.Exists(building) && Directory.Exists(target))
        {
            Directory.Move(target, old);
        }

        afterStep?.Invoke(OldMovedAside);
        if (Directory.Exists(building))
        {
            Directory.Move(building, target);
        }

        afterStep?.Invoke(NewMovedIn);
        File.Delete(target + ".wal");
        afterStep?.Invoke(LogDeleted);
        DirectorySync.Sync(Path.GetDirectoryName(target)!);
        File.Delete(journal);
        TryDelete(old);
    }

    private static string JournalPath(string target) => target + ".swap";

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover .old- folder is harmless and is named so nobody mistakes it for the index.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: leave it rather than fail a swap that succeeded.
        }
    }
}
