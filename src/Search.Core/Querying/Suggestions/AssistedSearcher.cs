using Search.Core.Indexing;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Querying.Suggestions;

/// <summary>
/// The search the API serves: aliases expanded (<see cref="SynonymExpander"/>), then
/// <see cref="ArticleSearcher"/>, then a "did you mean" suggestion (<see cref="SpellingCorrector"/>) when a
/// word of the query is not in the index, and with <see cref="FuzzyMode.Auto"/> the suggestion's results
/// when the query as typed found nothing. The response always reports the query as typed.
/// </summary>
public sealed class AssistedSearcher(ArticleIndex index, ArticleSearcher searcher, SynonymExpander synonyms) : IDisposable
{
    private readonly ArticleAnalyzer _analyzer = new();

    public SearchResponse Search(SearchRequest request, FuzzyMode fuzzy, CancellationToken cancellationToken)
    {
        var response = Run(request, cancellationToken);
        if (fuzzy == FuzzyMode.Off)
        {
            return response;
        }

        string? suggestion;
        using (var lease = index.AcquireSearcher())
        {
            suggestion = new SpellingCorrector(_analyzer).Suggest(lease.Searcher.IndexReader, request.Query);
        }

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
