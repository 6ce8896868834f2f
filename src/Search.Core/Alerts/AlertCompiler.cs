using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Alerts;

/// <summary>
/// Turns a saved alert into what matching needs, with the pieces /search uses: aliases expanded
/// (<see cref="SynonymExpander"/>), then <see cref="UserQueryParser"/> over <see cref="ArticleAnalyzer"/> with
/// the AND default, so a saved search matches an article exactly when /search with the same q and filters finds it.
/// A bad query throws <see cref="QuerySyntaxException"/> as /search does. Its cheapest prefilter is chosen by document
/// frequencies summed over the shards.
/// </summary>
internal sealed class AlertCompiler(IReadOnlyList<ArticleIndex> shards, SynonymExpander synonyms, int maxPhraseSlop) : IDisposable
{
    private readonly ArticleAnalyzer _analyzer = new();

    public CompiledAlert Compile(SavedAlert alert)
    {
        var parser = new UserQueryParser(_analyzer, maxPhraseSlop);
        var query = parser.Parse(synonyms.Expand(alert.Query));
        var leases = shards.Select(shard => shard.AcquireSearcher()).ToList();
        try
        {
            var readers = leases.Select(lease => lease.Searcher.IndexReader).ToList();
            return Compile(alert, query, term => readers.Sum(reader => (long)reader.DocFreq(term)));
        }
        finally
        {
            leases.ForEach(lease => lease.Dispose());
        }
    }

    private static CompiledAlert Compile(SavedAlert alert, Lucene.Net.Search.Query query, Func<Term, long> documentFrequency)
    {
        var outlets = ToSet(alert.Outlets);
        var speakers = ToSet(alert.Speakers);
        var sources = ToSet(alert.Sources);
        // The cheapest of the query's own requirement and each filter's values (an outlet filter is a requirement too).
        var prefilter = new[]
        {
            RequiredTerms.Of(query, documentFrequency),
            FilterTerms(ArticleFields.OutletKey, outlets),
            FilterTerms(ArticleFields.SpeakerKey, speakers),
            FilterTerms(ArticleFields.SourceKey, sources),
        }
        .Where(set => set is not null)
        .MinBy(set => set!.Sum(key => Cost(documentFrequency, key)));
        return new CompiledAlert(alert, query, outlets, speakers, sources, prefilter, QueryFields.Of(query));
    }

    private static HashSet<string>? ToSet(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : new HashSet<string>(values, StringComparer.Ordinal);

    private static HashSet<string>? FilterTerms(string field, HashSet<string>? values) =>
        values?.Select(v => RequiredTerms.Key(field, v)).ToHashSet(StringComparer.Ordinal);

    private static long Cost(Func<Term, long> documentFrequency, string key)
    {
        var split = key.IndexOf('\u0000', StringComparison.Ordinal);
        return documentFrequency(new Term(key[..split], key[(split + 1)..])) + 1;
    }

    public void Dispose() => _analyzer.Dispose();
}
