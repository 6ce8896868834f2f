using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Quotes;

namespace Search.Core.Engine;

/// <summary>
/// /quotes and /speakers/{name} over shards, in four phases that make the answer one index's: (1) the article
/// query's statistics, summed; (2) each shard's best articles with those statistics, merged by the quote search's
/// article order (score or day, then id) and cut at <see cref="SearchOptions.QuoteArticleLimit"/>, so the articles
/// read are one index's and <c>complete</c> is too; (3) the statistics of the picked articles' quotes, summed, so
/// each quote scores as in one index's quote index; (4) every matching quote of the picked articles (without text
/// beyond what a page can reach), ordered as one index orders them (score or day, article rank, place in the
/// article); the counts, facets, page and profile come from <see cref="QuoteAnswers"/>, the step one index ends with.
/// A shard that does not answer makes the search fail with <see cref="ShardsUnavailableException"/> (503): a quote
/// answer has no room to say it is partial.
/// </summary>
public sealed class ShardedQuoteSearcher : IDisposable
{
    private static readonly ShardStatistics NoStatistics = new([], [], 0);

    private readonly IReadOnlyList<IShard> _shards;
    private readonly SearchOptions _options;
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly UserQueryParser _parser;
    private readonly ShardSpeakerAliases _speakers;

    public ShardedQuoteSearcher(IReadOnlyList<IShard> shards, SearchOptions options)
    {
        _shards = shards;
        _speakers = new ShardSpeakerAliases(shards);
        _options = options;
        _parser = QuoteQueries.CreateParser(_analyzer, options);
    }

    /// <summary>GET /quotes: each matching quote its own hit, with the facets of the matching quotes.</summary>
    public async Task<QuoteSearchResponse> SearchAsync(QuoteSearchRequest request, CancellationToken cancellationToken)
    {
        QuoteQueries.Validate(request, _options);
        var aliases = await _speakers.CurrentAsync(cancellationToken);
        request = request with { Speakers = aliases.Expand(request.Speakers) };
        var (quotes, complete) = await RunAsync(request, multiSelect: true, QuoteAnswers.Window(request), highlight: true, cancellationToken);
        return QuoteAnswers.Search(request, [.. quotes.Select(q => ToRecord(q, aliases))], i => TextOf(quotes[i]), complete, _options.FacetSize);
    }

    /// <summary>GET /speakers/{name}: quotes over time, top outlets and the newest quotes of one speaker.</summary>
    public async Task<SpeakerProfile> ProfileAsync(string name, CancellationToken cancellationToken)
    {
        var request = SpeakerProfiler.Request(name, _options);
        var aliases = await _speakers.CurrentAsync(cancellationToken);
        request = request with { Speakers = aliases.Expand(request.Speakers) };
        var (quotes, complete) = await RunAsync(request, multiSelect: false, SpeakerProfiler.RecentCount, highlight: false, cancellationToken);
        return QuoteAnswers.Profile(name, [.. quotes.Select(q => ToRecord(q, aliases))], i => TextOf(quotes[i]), complete, _options.FacetSize);
    }

    private async Task<(List<ShardQuote> Quotes, bool Complete)> RunAsync(QuoteSearchRequest request, bool multiSelect, int window, bool highlight,
        CancellationToken cancellationToken)
    {
        // Syntax errors are the client's: found here, once, before any shard is asked.
        _parser.Parse(request.Query);
        var query = new ShardQuoteQuery(request, multiSelect);
        var articleStatistics = ShardStatistics.Sum(await AllAsync((shard, _) => shard.QuoteStatisticsAsync(query), cancellationToken));
        var limit = (int)Math.Max(1, Math.Min(_options.QuoteArticleLimit, articleStatistics.MaxDoc));
        var articles = await AllAsync((shard, _) => shard.QuoteArticlesAsync(query with { Limit = limit }, articleStatistics), cancellationToken);
        var sort = QuoteQueries.SortOf(request);
        var picked = ShardHitMerge.Merge(QuoteQueries.ArticleSort(sort), [.. articles.Select(a => a.Hits)], 0, limit);
        var complete = articles.Sum(a => (long)a.Total) <= limit;

        var perShard = Enumerable.Range(0, _shards.Count).Select(shard =>
        {
            var mine = picked.Select((hit, rank) => (hit, rank)).Where(p => p.hit.Shard == shard).ToList();
            return query with { Articles = [.. mine.Select(p => p.hit.Hit.Id)], Ranks = [.. mine.Select(p => p.rank)], Window = window, Highlight = highlight };
        }).ToArray();
        var quoteStatistics = ShardStatistics.Sum(await AllAsync((shard, i) =>
            perShard[i].Articles!.Count == 0 ? Task.FromResult(NoStatistics) : shard.QuoteStatisticsAsync(perShard[i]), cancellationToken));
        var quotes = await AllAsync((shard, i) => perShard[i].Articles!.Count == 0 ? Task.FromResult<IReadOnlyList<ShardQuote>>([])
            : shard.QuotesAsync(perShard[i], quoteStatistics), cancellationToken);
        return (Order(quotes.SelectMany(q => q), sort), complete);
    }

    /// <summary>One index's quote order (<see cref="QuoteSearcher"/>): score or day, then the article's rank, then the quote's place in it.</summary>
    private static List<ShardQuote> Order(IEnumerable<ShardQuote> quotes, SearchSort sort) => sort switch
    {
        SearchSort.Newest => [.. quotes.OrderByDescending(q => q.Published?.DayNumber ?? int.MinValue).ThenBy(q => q.ArticleRank).ThenBy(q => q.Position)],
        SearchSort.Oldest => [.. quotes.OrderBy(q => q.Published?.DayNumber ?? int.MaxValue).ThenBy(q => q.ArticleRank).ThenBy(q => q.Position)],
        _ => [.. quotes.OrderByDescending(q => q.Score).ThenBy(q => q.ArticleRank).ThenBy(q => q.Position)],
    };

    /// <summary>A shard's quote as one index reads it, a person by the corpus-wide name (#22).</summary>
    private static QuoteRecord ToRecord(ShardQuote quote, SpeakerAliases aliases) =>
        new(quote.Kind == Articles.Quote.PersonKind ? aliases.Canonical(quote.Speaker) : quote.Speaker, quote.Text ?? "", quote.ArticleId, quote.Title,
            quote.Outlet, quote.Published, quote.ArticleRank, quote.Position, quote.Kind);

    /// <summary>A quote on the page: its owner sent its text (a page never reaches past any shard's window).</summary>
    private static string TextOf(ShardQuote quote) =>
        quote.Text ?? throw new InvalidOperationException($"Shard sent no text for a quote of {quote.ArticleId} on the page.");

    /// <summary>One call per shard at once; any shard that does not answer fails the whole search (503).</summary>
    private async Task<T[]> AllAsync<T>(Func<IShard, int, Task<T>> call, CancellationToken cancellationToken)
    {
        // Task.Run: an in-process shard works on the calling thread, so each gets its own to run in parallel.
        var calls = _shards.Select((shard, i) => Task.Run(() => ShardCall.OnAsync(i, () => call(shard, i)), cancellationToken)).ToArray();
        try
        {
            return await Task.WhenAll(calls);
        }
        catch (ShardsUnavailableException)
        {
            throw new ShardsUnavailableException([.. calls.Select((task, i) => (task, i))
                .Where(c => c.task.Exception?.InnerException is ShardsUnavailableException).Select(c => c.i)]);
        }
    }

    public void Dispose() => _analyzer.Dispose();
}
