using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Querying.Suggestions;

/// <summary>
/// The search the API serves: aliases expanded (<see cref="SynonymExpander"/>), then
/// <see cref="ArticleSearcher"/>, then a "did you mean" suggestion (<see cref="SpellingCorrector"/>) when a
/// word of the query is not in the index, and with <see cref="FuzzyMode.Auto"/> the suggestion's results
/// when the query as typed found nothing. The response always reports the query as typed. Whole answers
/// are kept in a <see cref="SearchResultCache"/> (when one is given) until the index changes.
/// </summary>
public sealed class AssistedSearcher(ArticleIndex index, ArticleSearcher searcher, SynonymExpander synonyms,
    SearchResultCache? cache = null) : IDisposable
{
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly SearchResultCache _cache = cache ?? new SearchResultCache(0);

    public SearchResponse Search(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken)
    {
        // The lease pins the reader the cache entry belongs to; the search sees it or a newer one. A hit
        // returns the very instance stored (marked cached, no engine time), so callers may memoise work on it.
        using var lease = index.AcquireSearcher();
        SearchResponse? fresh = null;
        var response = _cache.GetOrAdd(lease.Searcher.IndexReader, SearchResultCache.KeyOf(request, fuzzy.ToString()), () =>
        {
            fresh = SearchUncached(request, fuzzy, lease.Searcher.IndexReader, cancellationToken);
            return fresh with { TookMs = 0, Cached = true };
        });
        return fresh ?? response;
    }

    private SearchResponse SearchUncached(SearchRequest request, FuzzyMode fuzzy, Lucene.Net.Index.IndexReader reader,
        CancellationToken cancellationToken)
    {
        var response = Run(request, cancellationToken);
        if (fuzzy == FuzzyMode.Off)
        {
            return response;
        }

        var suggestion = new SpellingCorrector(_analyzer).Suggest(reader, request.Query);

        if (suggestion is null)
        {
            return response;
        }

        if (fuzzy == FuzzyMode.Auto && response.Total == 0)
        {
            var corrected = Run(request with { Query = suggestion }, cancellationToken);
            return corrected with { Query = response.Query, Suggestion = suggestion, SuggestionApplied = true };
        }

        return response with { Suggestion = suggestion, SuggestionApplied = false };
    }

    private SearchResponse Run(SearchRequest request, CancellationToken cancellationToken)
    {
        var expanded = synonyms.Expand(request.Query);
        var response = searcher.Search(request with { Query = expanded }, cancellationToken);
        return response with { Query = request.Query ?? "" };
    }

    public void Dispose() => _analyzer.Dispose();
}
