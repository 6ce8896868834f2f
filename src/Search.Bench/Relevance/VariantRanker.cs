using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Bench.Relevance;

/// <summary>
/// Lucene with one <see cref="RankingVariant"/> applied: the same tokenizer and fields as the product, with
/// the stemmer, stop words, title weight, BM25 parameters or a proximity clause changed. The query is
/// the product's shape (each word SHOULD on title^w and body); the proximity clause adds each pair of
/// adjacent query words as a sloppy phrase (slop 5, weight 0.5) on the body.
/// </summary>
public sealed partial class VariantRanker(RankingVariant variant) : IRanker
{
    private readonly RAMDirectory _directory = new();
    private readonly VariantAnalyzer _analyzer = new(variant);
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;
    private readonly Dictionary<string, Article> _documents = new(StringComparer.Ordinal);

    public string Name => variant.Name;

    public void Build(IReadOnlyList<Article> documents)
    {
        var similarity = CreateSimilarity(variant);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneSettings.Version, _analyzer) { Similarity = similarity }))
        {
            foreach (var document in documents)
            {
                _documents[document.Id] = document;
                writer.AddDocument(new Document
                {
                    new StringField(ArticleFields.Id, document.Id, Field.Store.YES),
                    new TextField(ArticleFields.Title, document.Title ?? "", Field.Store.NO),
                    new TextField(ArticleFields.Body, document.Body, Field.Store.NO),
                });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
    }

    private static Similarity CreateSimilarity(RankingVariant variant) => variant.Scoring switch
    {
        Scoring.DfrInL2 => new DFRSimilarity(new BasicModelIn(), new AfterEffectL(), new NormalizationH2()),
        Scoring.DfrGL2 => new DFRSimilarity(new BasicModelG(), new AfterEffectL(), new NormalizationH2()),
        Scoring.LMDirichlet => new LMDirichletSimilarity(),
        Scoring.IBLL => new IBSimilarity(new DistributionLL(), new LambdaDF(), new NormalizationH2()),
        _ => new BM25Similarity(variant.K1, variant.B),
    };

    public IReadOnlyList<string> Rank(string queryText, int depth)
    {
        if (variant.QueryStopWords)
        {
            var words = WordPattern().Matches(queryText).Select(m => m.Value).ToList();
            var content = words.Where(w => !QueryStopWords.IsStopWord(w)).ToList();
            queryText = string.Join(' ', content.Count > 0 ? content : words);
        }

        var query = BuildQuery(queryText);
        if (variant.FeedbackDocs > 0)
        {
            query = Expand(query, queryText);
        }

        BooleanQuery.MaxClauseCount = Math.Max(BooleanQuery.MaxClauseCount, 4096);
        var top = _searcher!.Search(query, depth);
        return top.ScoreDocs.Select(d => IdOf(d.Doc)).ToList();
    }

    private string IdOf(int doc) => _searcher!.Doc(doc).Get(ArticleFields.Id, System.Globalization.CultureInfo.InvariantCulture);

    private BooleanQuery BuildQuery(string queryText)
    {
        var query = new BooleanQuery();
        foreach (var (field, weight) in new[] { (ArticleFields.Title, variant.TitleWeight), (ArticleFields.Body, 1f) })
        {
            foreach (var token in _analyzer.Terms(field, queryText).Distinct(StringComparer.Ordinal))
            {
                query.Add(new TermQuery(new Term(field, token)) { Boost = weight }, Occur.SHOULD);
            }
        }

        if (variant.Proximity)
        {
            var tokens = _analyzer.Terms(ArticleFields.Body, queryText);
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                var pair = new PhraseQuery { Slop = variant.ProximitySlop, Boost = variant.ProximityWeight };
                pair.Add(new Term(ArticleFields.Body, tokens[i]));
                pair.Add(new Term(ArticleFields.Body, tokens[i + 1]));
                query.Add(pair, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>
    /// RM3: the first pass's top documents give expansion terms (<see cref="RelevanceFeedback"/>), searched on
    /// title and body; the original query keeps weight 1 − w, the expansion w (scaled by the number of
    /// original terms, as the expansion weights sum to 1 while each original term weighs 1).
    /// </summary>
    private BooleanQuery Expand(BooleanQuery original, string queryText)
    {
        var first = _searcher!.Search(original, variant.FeedbackDocs);
        var maxDoc = _reader!.MaxDoc;
        var feedback = first.ScoreDocs.Select(d =>
        {
            var article = _documents[IdOf(d.Doc)];
            IReadOnlyList<string> terms = _analyzer.Terms(ArticleFields.Body, (article.Title ?? "") + "\n" + article.Body);
            return (terms, d.Score);
        });
        var expansion = RelevanceFeedback.ExpansionTerms(feedback, variant.FeedbackTerms,
            t => _reader.DocFreq(new Term(ArticleFields.Body, t)) > variant.FeedbackMaxDocShare * maxDoc);
        if (expansion.Count == 0)
        {
            return original;
        }

        var expanded = RelevanceFeedback.ExpansionQuery(expansion, variant.TitleWeight);
        original.Boost = 1 - variant.FeedbackWeight;
        expanded.Boost = variant.FeedbackWeight * RelevanceFeedback.OriginalTermCount(_analyzer, queryText);
        return new BooleanQuery { { original, Occur.SHOULD }, { expanded, Occur.SHOULD } };
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    public void Dispose()
    {
        _reader?.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private sealed class VariantAnalyzer(RankingVariant variant) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(LuceneSettings.Version, tokenizer);
            stream = new LowerCaseFilter(LuceneSettings.Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            if (variant.StopWords)
            {
                stream = new StopFilter(LuceneSettings.Version, stream, EnglishAnalyzer.DefaultStopSet);
            }

            stream = variant.Stemmer switch
            {
                Stemmer.Porter => new PorterStemFilter(stream),
                Stemmer.KStem => new KStemFilter(stream),
                Stemmer.EnglishMinimal => new EnglishMinimalStemFilter(stream),
                _ => stream,
            };
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
