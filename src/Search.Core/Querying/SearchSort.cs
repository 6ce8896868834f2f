namespace Search.Core.Querying;

/// <summary>Order of results.</summary>
[GenerateSerializer]
public enum SearchSort
{
    /// <summary>BM25 score, best first; ties by id.</summary>
    Relevance,

    /// <summary>Publication day, newest first; undated articles last.</summary>
    Newest,

    /// <summary>Publication day, oldest first; undated articles last.</summary>
    Oldest,
}
