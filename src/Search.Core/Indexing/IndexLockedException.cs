namespace Search.Core.Indexing;

/// <summary>Another process (a running server or indexer) holds the index's write lock.</summary>
public sealed class IndexLockedException(string indexPath, Exception inner)
    : Exception($"The index at '{indexPath}' is open for writing by another process (a running server or indexer). Stop it, or point this one at another index path.", inner);
