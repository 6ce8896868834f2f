using System.Text.RegularExpressions;
using Search.Core;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Bench.Relevance;

/// <summary>
/// The product path: ArticleIndex and ArticleSearcher exactly as the server uses them, natural-language
/// queries given as their words with op=or, as the API allows (optionally with expand=prf).
/// </summary>
public sealed class ProductRanker(string folder, QueryExpansion expansion = QueryExpansion.None) : IRanker
{
    private ArticleIndex? _index;
    private ArticleSearcher? _searcher;

    public string Name => expansion == QueryExpansion.None ? "ours (product)" : $"ours (product), expand={expansion.ToString().ToLowerInvariant()}";

    public void Build(IReadOnlyList<Article> documents)
    {
        _index = new ArticleIndex(folder, writeAheadLog: false);
        foreach (var document in documents)
        {
            _index.Upsert(document);
        }

        _index.Commit();
        _index.Refresh();
        _searcher = new ArticleSearcher(_index, new SearchOptions { IndexPath = folder, MaxQueryLength = 100_000 });
    }

    public IReadOnlyList<string> Rank(string queryText, int depth) =>
        _searcher!.Search(new SearchRequest
        {
            Query = ToPlainWords(queryText),
            Operator = DefaultOperator.Or,
            Size = depth,
            IncludeFacets = false,
            Expansion = expansion,
        }, CancellationToken.None).Hits.Select(h => h.Id).ToList();

    /// <summary>
    /// What a person types for a natural-language question: its words. Punctuation is dropped (not
    /// escaped) and operator words lowered, as the TIME queries are all upper case ("AND" is a word there).
    /// </summary>
    private static string ToPlainWords(string text) =>
        Regex.Replace(Regex.Replace(text, @"[^\p{L}\p{N}]+", " "), @"\b(AND|OR|NOT|TO)\b", m => m.Value.ToLowerInvariant()).Trim();

    public void Dispose()
    {
        _searcher?.Dispose();
        _index?.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
