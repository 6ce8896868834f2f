namespace Search.Core.Engine;

/// <summary>
/// The dfs phase's message: a query's term statistics and the index's field statistics, on one shard or summed
/// over every shard (<see cref="Sum"/>).
/// </summary>
/// <param name="Terms">Statistics of the terms the query scores with.</param>
/// <param name="Fields">Statistics of every indexed field.</param>
/// <param name="MaxDoc">The shard's documents (deleted ones included until merged away), whatever fields they have.</param>
/// <param name="Generation">The shard's reader version (-1 when summed): the coordinator's speaker aliases are kept while no shard's changes.</param>
/// <param name="SpeakerNames">Every speaker value of the shard, when the query asked for them (<see cref="ShardQuery.SpeakerValues"/>).</param>
/// <param name="SpeakerCounts">The live articles naming each of <paramref name="SpeakerNames"/>.</param>
/// <param name="Fuzzy">The words each fuzzy term of the query expanded to on this shard (<see cref="FuzzyExpansion"/>); null when it has none.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardStatistics(IReadOnlyList<TermStatistic> Terms, IReadOnlyList<FieldStatistic> Fields, long MaxDoc,
    long Generation = -1, IReadOnlyList<string>? SpeakerNames = null, IReadOnlyList<int>? SpeakerCounts = null,
    IReadOnlyList<FuzzyTerms>? Fuzzy = null)
{
    /// <summary>
    /// Sums shards' statistics. A term one shard's rewrite did not produce (a fuzzy word~ keeps each shard's best
    /// expansions) counts only where it was collected: the fuzzy approximation named in <see cref="ShardedSearcher"/>.
    /// </summary>
    public static ShardStatistics Sum(IEnumerable<ShardStatistics> shards)
    {
        var terms = new Dictionary<(string, string), TermStatistic>();
        var fields = new Dictionary<string, FieldStatistic>(StringComparer.Ordinal);
        long maxDoc = 0;
        foreach (var shard in shards)
        {
            maxDoc += shard.MaxDoc;
            foreach (var term in shard.Terms)
            {
                // Latin-1 maps each byte to one char: a cheap exact key for the term's bytes.
                var key = (term.Field, System.Text.Encoding.Latin1.GetString(term.Term));
                terms[key] = terms.TryGetValue(key, out var sum)
                    ? sum with { DocFreq = sum.DocFreq + term.DocFreq, TotalTermFreq = Add(sum.TotalTermFreq, term.TotalTermFreq) }
                    : term;
            }

            foreach (var field in shard.Fields)
            {
                fields[field.Field] = fields.TryGetValue(field.Field, out var sum)
                    ? new FieldStatistic(field.Field, sum.MaxDoc + field.MaxDoc, Add(sum.DocCount, field.DocCount),
                        Add(sum.SumTotalTermFreq, field.SumTotalTermFreq), Add(sum.SumDocFreq, field.SumDocFreq))
                    : field;
            }
        }

        // One index's maxDoc counts every document, also on shards that hold none with a field (a rare field).
        return new ShardStatistics([.. terms.Values], [.. fields.Values.Select(f => f with { MaxDoc = maxDoc })], maxDoc);
    }

    // -1 (unknown, e.g. a field indexed without frequencies) anywhere makes the sum unknown.
    private static long Add(long total, long value) => total < 0 || value < 0 ? -1 : total + value;
}
