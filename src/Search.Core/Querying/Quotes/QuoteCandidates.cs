using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Highlighting;

namespace Search.Core.Querying.Quotes;

/// <summary>
/// The quotes of the articles a quote search matched, indexed one document per quote in a throwaway
/// in-memory index. Running the query there is what makes each quote its own hit: a phrase or a slop phrase
/// must fit inside one quote, a quote matches or not on its own words, and its BM25 score and highlighted
/// matches are its own. The cost is proportional to the quotes of the matched articles, paid per request,
/// which is why the article-level match comes first and is capped.
/// </summary>
internal sealed class QuoteCandidates : IDisposable
{
    private static readonly ISet<string> StoredFields = new HashSet<string>
    {
        ArticleFields.Id, ArticleFields.Title, ArticleFields.Outlet, ArticleFields.Published, ArticleFields.QuotesJson,
    };

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly List<QuoteRecord> _quotes;

    private QuoteCandidates(RAMDirectory directory, DirectoryReader reader, List<QuoteRecord> quotes)
    {
        _directory = directory;
        _reader = reader;
        _quotes = quotes;
        Searcher = new IndexSearcher(reader) { Similarity = LuceneSettings.CreateSimilarity() };
    }

    public IndexSearcher Searcher { get; }

    public QuoteRecord this[int doc] => _quotes[doc];

    /// <summary>
    /// Reads the quotes of <paramref name="articleDocs"/> (in rank order), keeping those by <paramref name="speakers"/> when any
    /// are given. <paramref name="ranks"/>: each article's rank in the whole order (a shard reads part of it); its index by default.
    /// <paramref name="aliases"/>: the corpus-wide speaker names each quote is shown and searched under (none: as stored).
    /// </summary>
    public static QuoteCandidates Build(IndexSearcher articles, IReadOnlyList<int> articleDocs, IReadOnlyList<string> speakers,
        ArticleAnalyzer analyzer, CancellationToken cancellationToken, IReadOnlyList<int>? ranks = null, SpeakerAliases? aliases = null)
    {
        var quotes = new List<QuoteRecord>();
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzer)
        {
            Similarity = LuceneSettings.CreateSimilarity(),
            OpenMode = OpenMode.CREATE,
            // One segment, no merging: the index lives for one request.
            RAMBufferSizeMB = 64,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var rank = 0; rank < articleDocs.Count; rank++)
            {
                if ((rank & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var article = ArticleDocumentMapper.ToArticle(articles.Doc(articleDocs[rank], StoredFields));
                var position = 0;
                foreach (var quote in article.Quotes)
                {
                    if (speakers.Count > 0 && !speakers.Contains(quote.Speaker, StringComparer.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var speaker = quote.Kind == Articles.Quote.PersonKind ? aliases?.Canonical(quote.Speaker) ?? quote.Speaker : quote.Speaker;
                    quotes.Add(new QuoteRecord(speaker, quote.Text, article.Id, article.Title, article.Outlet, article.Published,
                        ranks?[rank] ?? rank, position++, quote.Kind));
                    writer.AddDocument(ToDocument(speaker, quote.Text, article.Title, article.Outlet, article.Published));
                }
            }

            writer.Commit();
        }

        return new QuoteCandidates(directory, DirectoryReader.Open(directory), quotes);
    }

    /// <summary>
    /// Every quote <paramref name="query"/> matches, with its score (doc ids index this set), scored by <paramref name="scoring"/>
    /// (a searcher over <see cref="Reader"/> with the statistics of every shard's quotes) or this set's own statistics.
    /// </summary>
    public IReadOnlyList<ScoreDoc> Match(Query query, IndexSearcher? scoring = null) =>
        _quotes.Count == 0 ? [] : (scoring ?? Searcher).Search(query, _quotes.Count).ScoreDocs;

    /// <summary>The in-memory index of the quotes.</summary>
    public IndexReader Reader => _reader;

    /// <summary>How many quotes were read.</summary>
    public int Count => _quotes.Count;

    /// <summary>The quote's text, escaped, with the matches of <paramref name="query"/> marked.</summary>
    public string Highlight(SnippetHighlighter highlighter, Query query, int doc)
    {
        var text = _quotes[doc].Text;
        return SnippetHighlighter.MarkAll(text, highlighter.FindMatches(Searcher, query, doc, ArticleFields.Quote, text));
    }

    /// <summary>The fields a quote query may name, under the names articles use, so one query serves both levels.</summary>
    private static Document ToDocument(string speaker, string text, string? title, string? outlet, DateOnly? published)
    {
        var doc = new Document
        {
            new TextField(ArticleFields.Quote, text, Field.Store.NO),
            new TextField(ArticleFields.Speaker, speaker, Field.Store.NO),
        };
        if (title is not null)
        {
            doc.Add(new TextField(ArticleFields.Title, title, Field.Store.NO));
        }

        if (outlet is not null)
        {
            doc.Add(new TextField(ArticleFields.Outlet, outlet, Field.Store.NO));
        }

        if (published is { } day)
        {
            doc.Add(new Int32Field(ArticleFields.PublishedDays, day.DayNumber, Field.Store.NO));
            doc.Add(new StringField(ArticleFields.Published, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Field.Store.NO));
        }

        return doc;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
