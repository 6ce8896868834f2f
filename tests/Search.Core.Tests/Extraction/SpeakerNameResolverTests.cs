using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class SpeakerNameResolverTests
{
    [Fact]
    public void BareSurnameBecomesFullNameSeenInBatch()
    {
        var resolver = new SpeakerNameResolver();
        resolver.Observe(["Ingrid Solberg", "Tomas Varga"]);
        Assert.Equal("Ingrid Solberg", resolver.Resolve("Solberg"));
    }

    [Fact]
    public void AmbiguousSurnameStaysAsIs()
    {
        var resolver = new SpeakerNameResolver();
        resolver.Observe(["Anna Berg", "Jonas Berg"]);
        Assert.Equal("Berg", resolver.Resolve("Berg"));
    }

    [Fact]
    public void ResolvingAnArticleRenamesQuoteSpeakersToo()
    {
        var resolver = new SpeakerNameResolver();
        resolver.Observe(["Ingrid Solberg"]);
        var article = new Article("a", null, null, "body", null, [], ["Solberg"], [new Quote("Solberg", "words here now")], null);
        var resolved = resolver.ResolveSpeakers(article);
        Assert.Equal(["Ingrid Solberg"], resolved.Speakers);
        Assert.Equal("Ingrid Solberg", Assert.Single(resolved.Quotes).Speaker);
    }

    [Fact]
    public void MiddleInitialFormBecomesPlainFormSeenInBatch()
    {
        var resolver = new SpeakerNameResolver();
        resolver.Observe(["Laura Q. Finch", "Laura Finch"]);
        Assert.Equal("Laura Finch", resolver.Resolve("Laura Q. Finch"));
        Assert.Equal("Laura Finch", resolver.Resolve("Finch"));
    }

    [Fact]
    public void WithinArticleASurnameTakesTheArticlesOwnFullName()
    {
        var article = new Article("a", null, null, "body", null, [], ["Ingrid Solberg", "Solberg"], [new Quote("Solberg", "words here now")], null);
        var resolved = SpeakerNameResolver.ResolveWithinArticle(article);
        Assert.Equal(["Ingrid Solberg"], resolved.Speakers);
        Assert.Equal("Ingrid Solberg", Assert.Single(resolved.Quotes).Speaker);
    }
}
