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

namespace Search.Bench.Relevance;

/// <summary>
/// Lucene with one <see cref="RankingVariant"/> applied: the same tokenizer and fields as the product, with
/// the stemmer, stop words, title weight, BM25 parameters or a proximity clause changed. The query is
/// the product's shape (each word SHOULD on title^w and body); the proximity clause adds each pair of
/// adjacent query words as a sloppy phrase (slop 5, weight 0.5) on the body.
/// </summary>
public sealed class VariantRanker(RankingVariant variant) : IRanker
{
    private readonly RAMDirectory _directory = new();
    private readonly VariantAnalyzer _analyzer = new(variant);
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public string Name => variant.Name;

    public void Build(IReadOnlyList<Article> documents)
    {
        var similarity = new BM25Similarity(variant.K1, variant.B);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneSettings.Version, _analyzer) { Similarity = similarity }))
        {
            foreach (var document in documents)
            {
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

    public IReadOnlyList<string> Rank(string queryText, int depth)
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
                var pair = new PhraseQuery { Slop = 5, Boost = 0.5f };
                pair.Add(new Term(ArticleFields.Body, tokens[i]));
                pair.Add(new Term(ArticleFields.Body, tokens[i + 1]));
                query.Add(pair, Occur.SHOULD);
            }
        }

        BooleanQuery.MaxClauseCount = Math.Max(BooleanQuery.MaxClauseCount, query.Clauses.Count + 1);
        var top = _searcher!.Search(query, depth);
        return top.ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get(ArticleFields.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }


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
