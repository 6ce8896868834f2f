using Lucene.Net.Index;

namespace Search.Core.Indexing;

/// <summary>
/// Copies a commit's files while writes go on: the snapshot keeps the writer from deleting those files until
/// the copy is done.
/// </summary>
internal static class IndexBackup
{
    /// <summary>Copies the last commit of <paramref name="writer"/> into <paramref name="targetFolder"/> (which must be empty).</summary>
    public static int CopyLastCommit(SnapshotDeletionPolicy snapshots, IndexWriter writer, string indexPath, string targetFolder,
        CancellationToken cancellationToken)
    {
        var commit = snapshots.Snapshot();
        try
        {
            Directory.CreateDirectory(targetFolder);
            if (Directory.EnumerateFileSystemEntries(targetFolder).Any())
            {
                throw new IOException($"Backup folder '{targetFolder}' is not empty.");
            }

            var files = commit.FileNames;
            try
            {
                foreach (var file in files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    File.Copy(Path.Combine(indexPath, file), Path.Combine(targetFolder, file));
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                // A partial copy is not a backup (and its name would block a retry): it goes.
                Directory.Delete(targetFolder, recursive: true);
                throw;
            }

            return files.Count;
        }
        finally
        {
            snapshots.Release(commit);
            writer.DeleteUnusedFiles();
        }
    }
}
