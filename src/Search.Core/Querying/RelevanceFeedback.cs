using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// Pseudo-relevance feedback in the manner of RM3: the top-ranked documents of a first search are taken
/// as relevant, and the words they use most (each document's term frequencies normalised by its length,
/// weighted by the document's share of the retrieval score) become expansion terms. Stop words, words in
/// too many documents of the index (<c>isCommon</c>), single characters and bare numbers are never chosen. The caller interpolates the expansion with the original
/// query, which keeps every original term.
/// </summary>
public static class RelevanceFeedback
{
    /// <summary>Feedback documents: the first pass's top 5 (top 10 tied on TIME; 5 won on all three collections).</summary>
    public const int Documents = 5;

    /// <summary>Expansion terms added.</summary>
    public const int Terms = 20;

    /// <summary>Weight of the expansion against the original query (1 − this).</summary>
    public const float Weight = 0.2f;

    /// <summary>Terms in more than this share of the index's documents are never added.</summary>
    public const double MaxDocumentShare = 0.1;

    /// <summary>
    /// <paramref name="ranked"/> (a plain-word query, <paramref name="text"/> as typed) with RM3 expansion
    /// terms from its top <see cref="Documents"/> articles (their stored title and body, re-analysed) added as
    /// optional title and body clauses. The original query stays required, so the matches are the same;
    /// only the order changes. Settings chosen by the relevance evaluation (Search.Bench relevance).
    /// </summary>
    public static Query Expand(IndexSearcher searcher, Query ranked, string text, Analyzer analyzer)
    {
        // Ties by article id, as the result list breaks them: the feedback is the same on any layout and in any ingest order (#22).
        var top = searcher.Search(ranked, null, Documents, SearchCollection.CreateSort(SearchSort.Relevance), doDocScores: true, doMaxScore: false).ScoreDocs;
        if (top.Length == 0)
        {
            return ranked;
        }

        var reader = searcher.IndexReader;
        var feedback = top.Select(hit =>
            (DocumentTerms(analyzer, StoredArticles.ReadCard(reader, hit.Doc).Title, StoredArticles.ReadBody(reader, hit.Doc)), hit.Score)).ToList();
        var expansion = ExpansionTerms(feedback, Terms,
            term => reader.DocFreq(new Term(ArticleFields.Body, term)) > MaxDocumentShare * reader.MaxDoc);
        return WithExpansion(ranked, expansion, text, analyzer);
    }

    /// <summary>A feedback document's analysed words: its title and body, as the body field analyses them.</summary>
    public static IReadOnlyList<string> DocumentTerms(Analyzer analyzer, string? title, string body) =>
        analyzer.Terms(ArticleFields.Body, title + "\n" + body);

    /// <summary>
    /// <paramref name="ranked"/> with the <paramref name="expansion"/> terms added as optional clauses, weighted against
    /// the original query; unchanged when there are none. A sharded search picks the terms once, from the global top
    /// documents, and every shard builds this same query from them.
    /// </summary>
    public static Query WithExpansion(Query ranked, IReadOnlyList<(string Term, float Weight)> expansion, string text, Analyzer analyzer)
    {
        if (expansion.Count == 0)
        {
            return ranked;
        }

        var added = ExpansionQuery(expansion, ArticleFields.DefaultFieldBoosts[ArticleFields.Title]);
        added.Boost = Weight * OriginalTermCount(analyzer, text);
        var original = new BooleanQuery { { ranked, Occur.MUST } };
        original.Boost = 1 - Weight;
        return new BooleanQuery { { original, Occur.MUST }, { added, Occur.SHOULD } };
    }

    /// <summary>The expansion terms as optional title and body clauses, each weighted by its share.</summary>
    public static BooleanQuery ExpansionQuery(IReadOnlyList<(string Term, float Weight)> expansion, float titleBoost)
    {
        var added = new BooleanQuery();
        foreach (var (term, weight) in expansion)
        {
            added.Add(new TermQuery(new Term(ArticleFields.Title, term)) { Boost = weight * titleBoost }, Occur.SHOULD);
            added.Add(new TermQuery(new Term(ArticleFields.Body, term)) { Boost = weight }, Occur.SHOULD);
        }

        return added;
    }

    /// <summary>
    /// Distinct analysed terms of the query text, at least 1. Each original term weighs about 1 and the
    /// expansion weights sum to 1, so the expansion is scaled by this to make its weight its share of the score.
    /// </summary>
    public static int OriginalTermCount(Analyzer analyzer, string text) =>
        Math.Max(1, analyzer.Terms(ArticleFields.Body, text).Distinct(StringComparer.Ordinal).Count());

    /// <summary>
    /// Up to <paramref name="termCount"/> expansion terms with weights that sum to 1, best first.
    /// <paramref name="documents"/> are the feedback documents' analysed terms and their first-pass scores;
    /// <paramref name="isCommon"/> tells which terms occur in too many documents to say anything.
    /// </summary>
    public static IReadOnlyList<(string Term, float Weight)> ExpansionTerms(
        IEnumerable<(IReadOnlyList<string> Terms, float Score)> documents, int termCount, Func<string, bool>? isCommon = null)
    {
        var docs = documents.Where(d => d.Terms.Count > 0).ToList();
        var totalScore = docs.Sum(d => Math.Max(0, d.Score));
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (terms, score) in docs)
        {
            // A document's share of the evidence: its score, or equal shares when no score is positive.
            var docWeight = totalScore > 0 ? Math.Max(0, score) / totalScore : 1.0 / docs.Count;
            if (docWeight == 0)
            {
                continue;
            }

            // Each distinct word is judged once (isCommon reads the index), not once per occurrence.
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal).Where(g => IsCandidate(g.Key) && isCommon?.Invoke(g.Key) != true))
            {
                weights[group.Key] = weights.GetValueOrDefault(group.Key) + docWeight * group.Count() / terms.Count;
            }
        }

        var chosen = weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(termCount).ToList();
        var sum = chosen.Sum(kv => kv.Value);
        return sum <= 0 ? [] : chosen.Select(kv => (kv.Key, (float)(kv.Value / sum))).ToList();
    }

    /// <summary>A word worth adding: not a stop word, longer than one character, not only digits.</summary>
    private static bool IsCandidate(string term) =>
        term.Length > 1 && !term.All(char.IsDigit) && !QueryStopWords.IsStem(term);
}
