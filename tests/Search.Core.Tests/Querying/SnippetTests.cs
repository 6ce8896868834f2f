using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

public sealed class SnippetTests
{
    [Fact]
    public void PhraseIsMarkedAsOnePhraseAndItsWordsNotElsewhere()
    {
        using var index = new TestIndex(Article("a", "Expansion plans were discussed. Leaders opposed NATO expansion in the east. NATO met later."));
        var snippet = index.Search("\"NATO expansion\"").Hits[0].Snippet;
        Assert.Contains("<mark>NATO expansion</mark>", snippet, StringComparison.Ordinal);
        Assert.Equal(1, CountMarks(snippet));
    }

    [Fact]
    public void SloppyPhraseMarksTheWholeMatch()
    {
        using var index = new TestIndex(Article("a", "Russia launched its invasion in February. The launch was condemned."));
        var snippet = index.Search("\"launch invasion\"~2").Hits[0].Snippet;
        Assert.Contains("<mark>launched its invasion</mark>", snippet, StringComparison.Ordinal);
        Assert.Equal(1, CountMarks(snippet));
    }

    [Fact]
    public void EveryOccurrenceOfATermIsMarkedWithItsStemmedForms()
    {
        using var index = new TestIndex(Article("a", "Sanctions were imposed; the sanction regime widened."));
        var snippet = index.Search("sanctions").Hits[0].Snippet;
        Assert.Contains("<mark>Sanctions</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>sanction</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void ArticleTextIsEscaped()
    {
        using var index = new TestIndex(Article("a", "A <script>alert(1)</script> tag & an <img src=x onerror=alert(2)> in the body."));
        var snippet = index.Search("body").Hits[0].Snippet;
        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp;", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void SnippetOfALongBodyIsTheBestPassage()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Filler words about nothing in particular.", 30));
        using var index = new TestIndex(Article("a", filler + " The treaty was signed in Minsk by both sides. " + filler));
        var snippet = index.Search("treaty").Hits[0].Snippet;
        Assert.Contains("<mark>treaty</mark>", snippet, StringComparison.Ordinal);
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < 400);
    }

    [Fact]
    public void NegatedWordsAreNotMarked()
    {
        using var index = new TestIndex(Article("a", "Trade talks resumed; tariffs were not discussed."));
        var snippet = index.Search("trade -sanctions").Hits[0].Snippet;
        Assert.Equal(1, CountMarks(snippet));
    }

    [Fact]
    public void QueryWithoutBodyMatchGivesTheOpeningUnmarked()
    {
        using var index = new TestIndex(Article("a", "Opening words of the body.", title: "Headline word"));
        var snippet = index.Search("headline").Hits[0].Snippet;
        Assert.Equal("Opening words of the body.", snippet);
    }

    private static int CountMarks(string snippet) => snippet.Split("<mark>").Length - 1;
}
