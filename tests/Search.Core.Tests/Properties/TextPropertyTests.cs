using CsCheck;
using Lucene.Net.QueryParsers.Classic;
using Search.Core.Articles;
using Search.Core.Extraction;
using Search.Core.Querying;
using Search.Core.Querying.Highlighting;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Properties;

/// <summary>
/// Properties over generated inputs in every script (#13): the extractor never throws, snippets are
/// well-formed, any query parses or is explained, and a word of an article's body finds the article.
/// Iterations are sized for CI (a few seconds); a failure prints the seed that reproduces it.
/// </summary>
public sealed class TextPropertyTests
{
    [Fact]
    public void ExtractorNeverThrowsOnAnyTextOrHtml()
    {
        Gen.Select(TextGenerators.PageText, TextGenerators.Html, TextGenerators.Hostile, Gen.Bool).Sample((text, html, hostile, asHtml) =>
        {
            var raw = new RawArticle
            {
                Id = "p1",
                Text = asHtml ? "" : text,
                Html = asHtml ? html : null,
                Title = hostile.Length % 3 == 0 ? hostile : null,
                Outlet = hostile.Length % 3 == 1 ? hostile : null,
                Url = hostile.Length % 2 == 0 ? "https://" + hostile + "/x" : hostile,
            };
            var article = ArticleParser.Parse(raw);
            Assert.NotNull(article.Body);
            Assert.Equal(-1, UnicodeText.FirstInvalid(article.Body));
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void SnippetsAreWellFormedWithBalancedMarks()
    {
        // Stored text is cleaned on the way in (UnicodeText), so snippets only ever see clean text.
        var gen = TextGenerators.PageText.Select(UnicodeText.Clean).SelectMany(text => Gen.Int[0, Math.Max(0, text.Length)].Array[0, 40].Select(points => (text, points)));
        gen.Sample(sample =>
        {
            var (text, points) = sample;
            var ranges = points.Chunk(2).Where(p => p.Length == 2).Select(p => new MatchRange(Math.Min(p[0], p[1]), Math.Max(p[0], p[1]))).ToList();
            foreach (var html in new[] { SnippetHighlighter.BestPassage(text, ranges), SnippetHighlighter.MarkAll(text, ranges) })
            {
                AssertWellFormed(html);
            }
        }, iter: 1500, threads: 1);
    }

    [Fact]
    public void EveryQueryEitherSearchesOrIsExplained()
    {
        using var index = new TestIndex(
            Article("en", "Russia launched talks with NATO in Geneva about Ukraine.", title: "Talks", outlet: "CNN", speakers: ["Vladimir Putin"], published: new DateOnly(2022, 2, 10)),
            Article("zh", "北京冬奥会开幕式在国家体育场举行。政府发布新政策。", title: "北京"),
            Article("th", "รัฐบาลไทยประกาศนโยบายเศรษฐกิจใหม่"));
        TextGenerators.Query.Sample(query =>
        {
            try
            {
                foreach (var hit in index.Search(query).Hits)
                {
                    AssertWellFormed(hit.Snippet);
                }
            }
            catch (QuerySyntaxException)
            {
                // Explained to the user as a 400: the property holds.
            }
            catch (SearchRequestException)
            {
            }
        }, iter: 1500, threads: 1);
    }

    [Fact]
    public void AWordOfTheBodyInAnyScriptFindsItsArticle()
    {
        var articles = TextGenerators.ScriptIndex.SelectMany(script => TextGenerators.Sentence(script).Array[1, 4]
            .Select(sentences => (script, body: string.Join('\n', sentences)))).Array[40].Single();
        using var index = new TestIndex([.. articles.Select((a, i) => Article("a" + i, a.body))]);
        var picks = Gen.Int[0, articles.Length - 1].SelectMany(article => Gen.Int[0, 1000].Select(at => (article, at)));
        picks.Sample(pick =>
        {
            var (script, body) = articles[pick.article];
            var word = PickWord(body, script, pick.at);
            var ids = index.Ids(QueryParserBase.Escape(word), r => r with { Size = 100 });
            Assert.True(ids.Contains("a" + pick.article), $"'{word}' ({TextGenerators.ScriptName(script)}) did not find a{pick.article}: {body}");
        }, iter: 300, threads: 1);
    }

    /// <summary>A word as a reader would copy it: between spaces for spaced scripts, any 2-4 characters of a run otherwise.</summary>
    private static string PickWord(string body, int script, int at)
    {
        var words = body.Split([' ', '\n', '.', '。'], StringSplitOptions.RemoveEmptyEntries);
        var word = words[at % words.Length];
        if (TextGenerators.IsSpaced(script) || word.Length <= 2)
        {
            return word;
        }

        var length = 2 + (at % 3);
        var start = at % Math.Max(1, word.Length - length + 1);
        return word.Substring(start, Math.Min(length, word.Length - start));
    }

    private static void AssertWellFormed(string html)
    {
        var opens = html.Split("<mark>").Length - 1;
        var closes = html.Split("</mark>").Length - 1;
        Assert.Equal(opens, closes);
        var depth = 0;
        foreach (var tag in System.Text.RegularExpressions.Regex.Matches(html, "</?mark>").Select(m => m.Value))
        {
            depth += tag == "<mark>" ? 1 : -1;
            Assert.InRange(depth, 0, 1);
        }

        Assert.DoesNotMatch("<(?!/?mark>)", html);
        Assert.Equal(-1, UnicodeText.FirstInvalid(html.Replace("<mark>", "", StringComparison.Ordinal)));
    }
}
