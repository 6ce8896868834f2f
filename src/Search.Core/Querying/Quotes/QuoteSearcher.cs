using Search.Core.Engine;
using Search.Core.Indexing;

namespace Search.Core.Querying.Quotes;

/// <summary>
/// Searches quotes on one index, synchronously: the engine's quote coordinator (<see cref="ShardedQuoteSearcher"/>)
/// over one <see cref="LocalShard"/>, so one index answers as a cluster of one shard does (#22). Each quote is its
/// own hit. Two levels: the article index finds the articles whose quotes could match (the query over the
/// <see cref="ArticleFields.Quote"/> field, plus the outlet, speaker and date filters), best or newest first and at
/// most <see cref="SearchOptions.QuoteArticleLimit"/> of them; then the quotes of those articles are indexed one per
/// document in memory (<see cref="QuoteCandidates"/>) and the same query picks, scores and highlights the quotes.
/// Why not a separate quote index kept beside the article index: it would need its own writes, deletes, log replay
/// and backups in step with every article write; this needs nothing at write time and costs, per request, the
/// quotes of the matched articles. The API serves through the coordinator directly. Thread-safe.
/// </summary>
public sealed class QuoteSearcher : IDisposable
{
    private readonly LocalShard _shard;
    private readonly ShardedQuoteSearcher _coordinator;

    /// <param name="index">The index searched (its owner disposes it).</param>
    /// <param name="options">Limits and facet size.</param>
    public QuoteSearcher(ArticleIndex index, SearchOptions options)
    {
        _shard = new LocalShard(index, options);
        _coordinator = new ShardedQuoteSearcher([_shard], options);
    }

    /// <summary>GET /quotes: each matching quote its own hit, with the facets of the matching quotes.</summary>
    public QuoteSearchResponse Search(QuoteSearchRequest request, CancellationToken cancellationToken) =>
        _coordinator.SearchAsync(request, cancellationToken).GetAwaiter().GetResult();

    /// <summary>GET /speakers/{name}: quotes over time, top outlets and the newest quotes of one speaker.</summary>
    /// <exception cref="SpeakerNotFoundException">No quote has this speaker.</exception>
    public SpeakerProfile Profile(string name, CancellationToken cancellationToken) =>
        _coordinator.ProfileAsync(name, cancellationToken).GetAwaiter().GetResult();

    public void Dispose()
    {
        _coordinator.Dispose();
        _shard.Dispose();
    }
}
