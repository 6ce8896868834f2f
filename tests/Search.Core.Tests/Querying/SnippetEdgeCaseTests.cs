using Search.Core.Extraction;
using Search.Core.Querying.Highlighting;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying;

/// <summary>Snippets of text that has no spaces to cut at, or very many matches (#13).</summary>
public sealed class SnippetEdgeCaseTests
{
    [Fact]
    public void MatchInsideALongRunWithoutSpacesGivesASnippet()
    {
        var body = "Read more at https://example.com/" + new string('a', 30) + "/needle/" + new string('b', 250) + " today.";
        using var index = new TestIndex(Article("url", body));
        var snippet = index.Search("needle").Hits[0].Snippet;
        Assert.Contains("<mark>needle</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void PassageOfTextWithoutSpacesIsCutNearTheMatch()
    {
        var text = new string('x', 1000) + "MATCH" + new string('y', 1000);
        var passage = SnippetHighlighter.BestPassage(text, [new MatchRange(1000, 1005)]);
        Assert.Contains("<mark>MATCH</mark>", passage, StringComparison.Ordinal);
        Assert.True(passage.Length <= SnippetHighlighter.SnippetLength + 20, passage);
    }

    [Fact]
    public void PassageNeverSplitsASurrogatePair()
    {
        // An odd length puts the end cut between the two halves of an emoji.
        var text = string.Concat(Enumerable.Repeat("😀", 400));
        var passage = SnippetHighlighter.BestPassage(text, [new MatchRange(300, 304)], length: 241);
        Assert.Contains("<mark>&#128512;&#128512;</mark>", passage, StringComparison.Ordinal);
        Assert.Equal(-1, UnicodeText.FirstInvalid(passage));
    }

    [Fact]
    public void PassageChoosesTheDensestWindowAmongManyMatches()
    {
        // 200,000 sparse matches, then a dense cluster: a scan quadratic in the matches does not finish.
        var sparse = Enumerable.Range(0, 200_000).Select(i => new MatchRange(i * 100, (i * 100) + 2));
        var denseStart = 200_000 * 100;
        var dense = Enumerable.Range(0, 30).Select(i => new MatchRange(denseStart + (i * 6), denseStart + (i * 6) + 2));
        var matches = sparse.Concat(dense).ToList();
        var text = new string('w', denseStart + 1000);
        var passage = SnippetHighlighter.BestPassage(text, matches);
        Assert.True(passage.Split("<mark>").Length - 1 >= 25, passage);
    }

    [Fact]
    public void OverlappingMatchesGiveBalancedMarks()
    {
        var passage = SnippetHighlighter.BestPassage("alpha beta gamma", [new MatchRange(0, 10), new MatchRange(6, 16), new MatchRange(2, 4)]);
        Assert.Equal(passage.Split("<mark>").Length, passage.Split("</mark>").Length);
        Assert.Equal("<mark>alpha beta</mark><mark> gamma</mark>", passage);
    }
}
