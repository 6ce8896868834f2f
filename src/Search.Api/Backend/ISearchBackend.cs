using Search.Api.Export;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Quotes;
using Search.Core.Querying.Suggestions;

namespace Search.Api.Backend;

/// <summary>
/// What the endpoints read and write through: the engine (<see cref="ShardedBackend"/>, a coordinator over shards in
/// this process or on an Orleans cluster; one index is one shard in this process).
/// </summary>
public interface ISearchBackend
{
    /// <summary>How many shards the index has.</summary>
    int Shards { get; }

    /// <summary>Full path of the index folder (backups go beside it).</summary>
    string IndexPath { get; }

    ValueTask<SearchResponse> SearchAsync(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken);

    /// <summary>GET /export: every match of <paramref name="request"/> in its order; errors in the request are thrown here.</summary>
    ValueTask<IExportCursor> OpenExportAsync(SearchRequest request, CancellationToken cancellationToken);

    ValueTask<Article> GetArticleAsync(string id);

    ValueTask<string> HighlightBodyAsync(string id, string? queryText, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<SearchHit>> FindSimilarAsync(string id, int size, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size);

    /// <summary>GET /quotes: each matching quote its own hit.</summary>
    ValueTask<QuoteSearchResponse> SearchQuotesAsync(QuoteSearchRequest request, CancellationToken cancellationToken);

    /// <summary>GET /speakers/{name}: a speaker's page.</summary>
    ValueTask<SpeakerProfile> ProfileSpeakerAsync(string name, CancellationToken cancellationToken);

    /// <summary>Extracts and stores one article; returns once it is durable.</summary>
    ValueTask<(Article Article, IngestOutcome Outcome)> WriteAsync(RawArticle raw, bool waitUntilVisible);

    /// <summary>Deletes durably; false when no article has the id.</summary>
    ValueTask<bool> DeleteAsync(string id, bool waitUntilVisible);

    /// <summary>Stores a bulk batch of extracted articles in order; every created or updated one is durable when this returns.</summary>
    ValueTask<IReadOnlyList<ShardWriteResult>> WriteBatchAsync(IReadOnlyList<ShardWriteItem> items);

    /// <summary>Makes every acknowledged write visible to searches.</summary>
    ValueTask RefreshAsync();

    /// <summary>Copies a consistent snapshot into <paramref name="folder"/>; returns the files copied.</summary>
    ValueTask<int> BackupAsync(string folder, CancellationToken cancellationToken);

    /// <summary>Searchable articles.</summary>
    ValueTask<int> CountAsync();

    /// <summary>Silos of the cluster that are up (1: this process, when there is no cluster).</summary>
    ValueTask<int> SilosAsync();

    /// <summary>
    /// True while a writer failure (a full disk) keeps acknowledged writes in the write-ahead log waiting to be
    /// applied: safe, but not yet searchable.
    /// </summary>
    ValueTask<bool> DegradedAsync();
}
