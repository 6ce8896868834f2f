using Search.Core.Querying.Suggestions;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying.Suggestions;

public sealed class CompletionCatalogTests
{
    private static TestIndex Build() => new(
        Article("a", "Body one.", title: "Liu Pengyu rejects claims", outlet: "Daily Wire", speakers: ["Liu Pengyu"]),
        Article("b", "Body two.", title: "Embassy responds", outlet: "Daily Wire", speakers: ["Liu Pengyu", "Hua Chunying"]),
        Article("c", "Body three.", title: "Market report", outlet: "Reuters", speakers: ["Zoë Liuzzi"]));

    [Fact]
    public void PrefixFindsSpeakersTitlesAndOutletsWithKindAndCount()
    {
        using var index = Build();
        var catalog = new CompletionCatalog(index.Index);
        var results = catalog.Complete("liu", 10);
        Assert.Contains(new Completion("Liu Pengyu", CompletionCatalog.SpeakerKind, 2), results);
        Assert.Contains(new Completion("Liu Pengyu rejects claims", CompletionCatalog.TitleKind, 1), results);
        Assert.Contains(new Completion("Zoë Liuzzi", CompletionCatalog.SpeakerKind, 1), results);
        Assert.Equal("Liu Pengyu", results[0].Text);
    }

    [Fact]
    public void PrefixMatchesTheStartOfAnyWordButNotTheMiddle()
    {
        using var index = Build();
        var catalog = new CompletionCatalog(index.Index);
        Assert.Contains(catalog.Complete("wire", 10), c => c is { Text: "Daily Wire", Kind: CompletionCatalog.OutletKind, Count: 2 });
        Assert.Empty(catalog.Complete("engyu", 10));
    }

    [Fact]
    public void MatchingIgnoresCaseAndAccents()
    {
        using var index = Build();
        var catalog = new CompletionCatalog(index.Index);
        Assert.Contains(catalog.Complete("ZOE", 10), c => c.Text == "Zoë Liuzzi");
    }

    [Fact]
    public void SizeLimitsTheResults()
    {
        using var index = Build();
        Assert.Single(new CompletionCatalog(index.Index).Complete("liu", 1));
    }

    [Fact]
    public void CatalogFollowsNewAndDeletedArticles()
    {
        using var index = Build();
        var catalog = new CompletionCatalog(index.Index);
        Assert.Empty(catalog.Complete("kherson", 10));

        index.Add(Article("d", "Body four.", title: "Kherson falls", speakers: ["Hua Chunying"]));
        Assert.Contains(catalog.Complete("kherson", 10), c => c.Kind == CompletionCatalog.TitleKind);
        Assert.Contains(catalog.Complete("hua", 10), c => c is { Text: "Hua Chunying", Count: 2 });

        index.Index.Delete("d");
        index.Index.Commit();
        index.Index.Refresh();
        Assert.Empty(catalog.Complete("kherson", 10));
        Assert.Contains(catalog.Complete("hua", 10), c => c is { Text: "Hua Chunying", Count: 1 });
    }
}
