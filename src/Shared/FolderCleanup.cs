namespace Search.Shared;

/// <summary>
/// Deletes a test server's temporary folder, retrying while the stopping host (its final commit on dispose, the
/// alerts' match log) may still be finishing files in it: CI runs saw "Directory not empty" here, which failed the
/// whole test collection's cleanup. Linked as source into the API and browser tests.
/// </summary>
internal static class FolderCleanup
{
    private const int Attempts = 20;

    /// <summary>Deletes the folder and everything in it, if it exists; the last failed attempt throws.</summary>
    public static void Delete(string folder)
    {
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < Attempts)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Deletes a server's index folder and what the server keeps beside it: alerts, backups, write-ahead log, API key.</summary>
    public static void DeleteIndex(string indexPath)
    {
        foreach (var folder in new[] { indexPath, indexPath + ".alerts", indexPath + ".backups" })
        {
            Delete(folder);
        }

        foreach (var file in new[] { indexPath + ".wal", indexPath + ".apikey" })
        {
            File.Delete(file);
        }
    }
}
