using Search.Core.Querying.Suggestions;

namespace Search.Core.Engine;

/// <summary>
/// Suggestions over shards: "did you mean" for a query and autocomplete for a prefix, each from every shard's
/// words or entries, combined as one index would choose them.
/// </summary>
public sealed partial class ShardedSearcher
{
    /// <summary>
    /// "Did you mean" over shards, exact: each shard says which query words it holds and its close words with their
    /// document frequencies; a word any shard holds is kept, and the others take the closest word by edits, then
    /// by frequency summed over shards, as one index would choose.
    /// </summary>
    private async Task<string?> SuggestAsync(string? queryText)
    {
        var perShard = await FanOutAsync(shard => shard.SpellingAsync(queryText), CancellationToken.None);
        return SpellingCorrector.Choose(queryText, perShard.Where(words => words is not null)!);
    }

    /// <summary>
    /// Autocomplete over shards: each shard's best entries (four times as many as asked, so an entry spread over
    /// shards is seen) with counts summed per entry, ordered as <see cref="CompletionCatalog"/> orders them.
    /// </summary>
    public async Task<IReadOnlyList<Completion>> CompleteAsync(string prefix, int size)
    {
        var perShard = await FanOutAsync(shard => shard.CompleteAsync(prefix, size * 4), CancellationToken.None);
        var folded = CompletionCatalog.Fold(prefix.Trim());
        return [.. perShard.Where(list => list is not null).SelectMany(list => list!)
            .GroupBy(c => (c.Kind, c.Text))
            .Select(g => new Completion(g.Key.Text, g.Key.Kind, g.Sum(c => c.Count)))
            .OrderBy(c => CompletionCatalog.Fold(c.Text).StartsWith(folded, StringComparison.Ordinal) ? 0 : 1)
            .ThenByDescending(c => c.Count)
            .ThenBy(c => c.Text.Length)
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .Take(size)];
    }
}
