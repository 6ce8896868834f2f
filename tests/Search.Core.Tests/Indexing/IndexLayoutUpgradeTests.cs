using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Indexing;

/// <summary>
/// Indexes built before bodies moved to doc values and postings gained offsets (#14) store the body as a stored
/// field and index it with positions only. They must keep answering exactly as a fresh index does: same hits,
/// same snippets, same article view, also when old and new segments are merged into one.
/// </summary>
public sealed class IndexLayoutUpgradeTests : IDisposable
{
    private static readonly Article[] Articles =
    [
        Article("a", "Leaders opposed NATO expansion in the east. NATO met later; expansion plans were shelved.", title: "NATO summit",
            outlet: "Reuters", speakers: ["Jens Stoltenberg", "Anna Berg"], published: new DateOnly(2022, 2, 4)),
        Article("b", "Russia launched its invasion in February. The launch was condemned by Putin's critics.", title: "Invasion",
            outlet: "AP", published: new DateOnly(2022, 2, 24)),
        Article("c", "北京大学的学生 met Thai students: ภาษาไทย ง่าย. Sanctions were imposed; the sanction regime widened.",
            title: null, outlet: null),
        Article("d", string.Join(' ', Enumerable.Repeat("Filler words about nothing in particular.", 40))
            + " The treaty was signed in Minsk by both sides. " + string.Join(' ', Enumerable.Repeat("More filler text.", 40)),
            title: "Treaty signed", outlet: "Reuters", speakers: ["Zoë Ölund"]),
        Article("e", "", title: "Empty body", outlet: "AP"),
    ];

    private static readonly string[] Queries =
    [
        "nato", "\"NATO expansion\"", "\"launch invasion\"~2", "sanctions", "expan*", "treaty OR minsk", "nato -summit",
        "北京", "putin", "title:invasion", "outlet:reuters", "",
    ];

    private readonly string _legacy = Path.Combine(Path.GetTempPath(), "search-legacy-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void IndexWithStoredBodiesAndNoOffsetsAnswersLikeAFreshIndex()
    {
        WriteIndex(legacy: Articles, current: [], mergeIntoOne: false);
        AssertAnswersLikeAFreshIndex();
    }

    [Fact]
    public void OldAndNewSegmentsSideBySideAnswerLikeAFreshIndex()
    {
        WriteIndex(legacy: Articles[..3], current: Articles[3..], mergeIntoOne: false);
        AssertAnswersLikeAFreshIndex();
    }

    [Fact]
    public void OldAndNewSegmentsMergedIntoOneAnswerLikeAFreshIndex()
    {
        // The merged segment has stored bodies for some documents, doc values for others, and no offsets.
        WriteIndex(legacy: Articles[..3], current: Articles[3..], mergeIntoOne: true);
        AssertAnswersLikeAFreshIndex();
    }

    private void AssertAnswersLikeAFreshIndex()
    {
        using var fresh = new TestIndex(Articles);
        using var index = new ArticleIndex(_legacy);
        using var searcher = new ArticleSearcher(index, new SearchOptions { IndexPath = _legacy });
        AssertSameAnswers(fresh.Searcher, searcher);
        foreach (var article in Articles)
        {
            Assert.Equal(JsonSerializer.Serialize(article), JsonSerializer.Serialize(searcher.GetArticle(article.Id)));
            Assert.Equal(fresh.Searcher.HighlightBody(article.Id, "nato OR \"launch invasion\"~2 OR treaty"),
                searcher.HighlightBody(article.Id, "nato OR \"launch invasion\"~2 OR treaty"));
        }
    }

    private static void AssertSameAnswers(ArticleSearcher expected, ArticleSearcher actual)
    {
        foreach (var query in Queries)
        {
            foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Newest })
            {
                var request = new SearchRequest { Query = query, Sort = sort };
                var want = expected.Search(request, CancellationToken.None);
                var got = actual.Search(request, CancellationToken.None);
                Assert.Equal(want.Total, got.Total);
                Assert.Equal(want.Hits.Select(Describe), got.Hits.Select(Describe));
            }
        }
    }

    private static string Describe(SearchHit hit) =>
        $"{hit.Id}|{hit.Title}|{hit.Url}|{hit.Outlet}|{string.Join(",", hit.Speakers)}|{hit.Published}|{hit.Score}|{hit.Snippet}";

    /// <summary>
    /// <paramref name="legacy"/> in the document layout before #14 (body stored and indexed with positions only,
    /// no card, no body doc value), then <paramref name="current"/> as the index writes them now, each in its own segment.
    /// </summary>
    private void WriteIndex(IEnumerable<Article> legacy, IEnumerable<Article> current, bool mergeIntoOne)
    {
        using var directory = FSDirectory.Open(_legacy);
        var config = ArticleIndex.CreateWriterConfig(OpenMode.CREATE);
        config.MergePolicy = NoMergePolicy.COMPOUND_FILES;
        using var writer = new IndexWriter(directory, config);
        foreach (var article in legacy)
        {
            var doc = ArticleDocumentMapper.ToDocument(article);
            doc.RemoveFields(ArticleFields.Body);
            doc.RemoveFields(ArticleFields.BodyText);
            doc.RemoveFields(ArticleFields.Card);
            doc.Add(new StoredField(ArticleFields.Body, article.Body));
            doc.Add(new TextField(ArticleFields.Body, article.Body, Field.Store.NO));
            writer.AddDocument(doc);
        }

        writer.Commit();
        foreach (var article in current)
        {
            writer.AddDocument(ArticleDocumentMapper.ToDocument(article));
        }

        writer.Commit();
        if (mergeIntoOne)
        {
            writer.Dispose();
            using var merger = new IndexWriter(directory, ArticleIndex.CreateWriterConfig(OpenMode.APPEND));
            merger.ForceMerge(1);
            merger.Commit();
        }
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_legacy))
        {
            System.IO.Directory.Delete(_legacy, recursive: true);
        }
    }
}
