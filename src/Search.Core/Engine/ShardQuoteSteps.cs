using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Highlighting;
using Search.Core.Querying.Quotes;

namespace Search.Core.Engine;

/// <summary>
/// One shard's side of a sharded quote search (<see cref="ShardedQuoteSearcher"/>), with <see cref="QuoteSearcher"/>'s
/// own queries and quote index: the article phases (statistics, then the best articles with the index-wide
/// statistics) and the quote phases over the articles the coordinator picked that are held here (the quotes'
/// statistics, then every matching quote scored with the statistics of every shard's quotes). The quote phases
/// each read the picked articles' quotes again: nothing is kept between the coordinator's calls.
/// </summary>
internal sealed class ShardQuoteSteps : IDisposable
{
    private readonly ArticleIndex _index;
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly UserQueryParser _parser;
    private readonly SnippetHighlighter _highlighter;

    public ShardQuoteSteps(ArticleIndex index, SearchOptions options)
    {
        _index = index;
        _parser = QuoteQueries.CreateParser(_analyzer, options);
        _highlighter = new SnippetHighlighter(_analyzer);
    }

    /// <summary>Article phase (no articles given): the article query's statistics; quote phase: those of the picked articles' quotes.</summary>
    public ShardStatistics CollectStatistics(ShardQuoteQuery query, CancellationToken cancellationToken)
    {
        var parsed = _parser.Parse(query.Request.Query);
        using var lease = _index.AcquireSearcher();
        if (query.Articles is null)
        {
            return IndexStatistics.Collect(lease.Searcher, QuoteQueries.ArticleQuery(parsed, query.Request, query.MultiSelect));
        }

        using var candidates = Candidates(lease.Searcher, query, cancellationToken);
        return IndexStatistics.Collect(candidates.Searcher, parsed);
    }

    /// <summary>The best <see cref="ShardQuoteQuery.Limit"/> articles with a quote that may match, in the quote search's article order.</summary>
    public ShardQueryResult Articles(ShardQuoteQuery query, ShardStatistics statistics)
    {
        var parsed = _parser.Parse(query.Request.Query);
        using var lease = _index.AcquireSearcher();
        var searcher = new GlobalStatisticsSearcher(lease.Searcher.IndexReader, IndexStatistics.From(statistics));
        var found = searcher.Search(QuoteQueries.ArticleQuery(parsed, query.Request, query.MultiSelect), null, Math.Max(1, query.Limit),
            QuoteQueries.ArticleSort(QuoteQueries.SortOf(query.Request)), doDocScores: true, doMaxScore: false);
        return new ShardQueryResult(found.TotalHits, [.. found.ScoreDocs.Cast<FieldDoc>().Select(ShardSearchSteps.ToShardHit)], [], null);
    }

    /// <summary>
    /// Every quote of the picked articles held here that the query matches, in order, scored with <paramref name="statistics"/>;
    /// the first <see cref="ShardQuoteQuery.Window"/> that every filter keeps carry their text.
    /// </summary>
    public IReadOnlyList<ShardQuote> Quotes(ShardQuoteQuery query, ShardStatistics statistics, CancellationToken cancellationToken)
    {
        var parsed = _parser.Parse(query.Request.Query);
        using var lease = _index.AcquireSearcher();
        using var candidates = Candidates(lease.Searcher, query, cancellationToken);
        var scoring = new GlobalStatisticsSearcher(candidates.Reader, IndexStatistics.From(statistics));
        var matches = QuoteQueries.Order(candidates, candidates.Match(parsed, scoring), QuoteQueries.SortOf(query.Request));
        var quotes = new List<ShardQuote>(matches.Count);
        var withText = 0;
        foreach (var match in matches)
        {
            var quote = candidates[match.Doc];
            string? text = null;
            if (withText < query.Window && QuoteFilters.Of(quote, query.Request).Keeps(QuoteFilters.Facet.None))
            {
                withText++;
                text = query.Highlight ? candidates.Highlight(_highlighter, parsed, match.Doc) : quote.Text;
            }

            quotes.Add(new ShardQuote(quote.Speaker, quote.ArticleId, quote.Title, quote.Outlet, quote.Published, quote.ArticleRank, quote.Position,
                match.Score, text, quote.Kind));
        }

        return quotes;
    }

    /// <summary>The quotes of the picked articles held here (an article deleted since it was picked is left out).</summary>
    private QuoteCandidates Candidates(IndexSearcher searcher, ShardQuoteQuery query, CancellationToken cancellationToken)
    {
        var docs = new List<int>();
        var ranks = new List<int>();
        for (var i = 0; i < query.Articles!.Count; i++)
        {
            var found = searcher.Search(new TermQuery(new Term(ArticleFields.Id, query.Articles[i])), 1);
            if (found.TotalHits > 0)
            {
                docs.Add(found.ScoreDocs[0].Doc);
                ranks.Add(query.Ranks![i]);
            }
        }

        return QuoteCandidates.Build(searcher, docs, query.MultiSelect ? [] : query.Request.NamedSources(), _analyzer, cancellationToken, ranks);
    }

    public void Dispose() => _analyzer.Dispose();
}
