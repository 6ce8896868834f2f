using CsCheck;
using Search.Core.Alerts;
using Search.Core.Articles;
using Search.Core.Querying;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Tests.Alerts;

/// <summary>
/// The matcher decides most saved queries on the article's analysed positions (query plans) and runs only the
/// rest through Lucene on a one-document MemoryIndex. These properties hold the two to each other on generated
/// articles and queries drawn from a small vocabulary (so phrases, sloppy phrases with reordered and repeated
/// words, stems, possessives, folded accents and CJK bigrams meet often): wherever a plan decides, it says what
/// Lucene says; and the whole matcher, pre-filter included, finds exactly the alerts a Lucene run of every
/// query with the filters finds. A failure prints the seed that reproduces it.
/// </summary>
public sealed class AlertPlanPropertyTests : IDisposable
{
    private static readonly string[] Words =
    [
        "vote", "votes", "voting", "court", "courts", "ruling", "biden", "biden's", "kyiv", "kyïv", "storm", "the",
        "new", "york", "said", "north", "北京大学", "北京", "大学", "Élection", "election",
    ];

    private static readonly string[] Outlets = ["Reuters", "Fox News", "New York Times"];
    private static readonly string[] People = ["Joe Biden", "Ana Silva", "Liu Pengyu"];
    private static readonly string[] Fields = ["title", "body", "quote", "speaker", "outlet", "source"];

    private static readonly Gen<string> Word = Gen.OneOfConst(Words);

    private static readonly Gen<string> Text = Gen.Select(Word, Gen.OneOfConst(" ", " ", " ", ", ", ". ", " - ")).Array[1, 40]
        .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));

    private static readonly Gen<Article> ArticleGen = Gen.Select(
            Text.Null(),
            Text,
            Gen.OneOfConst(Outlets).Null(),
            Gen.OneOfConst(People).Array[0, 2],
            Gen.OneOfConst(Outlets).Array[0, 2],
            Text.Array[0, 2],
            Gen.Int[0, 60].Nullable())
        .Select((title, body, outlet, speakers, sources, quotes, day) => new Article(
            "a1", null, title, body, outlet, sources.Distinct().ToArray(), speakers.Distinct().ToArray(),
            quotes.Select((q, i) => new Quote(speakers.ElementAtOrDefault(i) ?? "Ana Silva", q)).ToArray(),
            day is { } d ? new DateOnly(2022, 1, 1).AddDays(d) : null));

    private static readonly Gen<string> Atom = Gen.Frequency(
        (6, Word),
        (2, Gen.Select(Gen.OneOfConst(Fields), Word, Gen.OneOfConst(People)).Select((f, w, p) => f is "speaker" or "outlet" or "source" ? $"{f}:\"{p}\"" : $"{f}:{w}")),
        (4, Gen.Select(Word.Array[2, 4], Gen.Int[0, 4]).Select((w, slop) => $"\"{string.Join(' ', w)}\"" + (slop == 0 ? "" : $"~{slop}"))),
        (1, Word.Where(w => w.Length >= 3).Select(w => w[..2] + "*")),
        (1, Word.Select(w => w + "~1")),
        (1, Gen.Select(Gen.Int[0, 40], Gen.Int[0, 40], Gen.Bool).Select((a, b, inclusive) =>
            $"published:{(inclusive ? '[' : '{')}2022-01-{1 + Math.Min(a, b) % 28:00} TO {(b % 5 == 0 ? "*" : $"2022-02-{1 + b % 28:00}")}{(inclusive ? ']' : '}')}")));

    private static readonly Gen<string> QueryGen = Gen.Select(Atom, Gen.OneOfConst(" ", " AND ", " OR ", " -", " NOT ", " +"), Gen.Bool).Array[1, 4]
        .Select(parts =>
        {
            var text = string.Concat(parts.Select((p, i) => (i == 0 ? "" : p.Item2) + (p.Item3 && parts.Length > 2 ? $"({p.Item1} OR {p.Item1})" : p.Item1)));
            return parts.Length > 2 ? $"({text}) {parts[^1].Item1}" : text;
        });

    private static readonly Gen<AlertRequest> RequestGen = Gen.Select(
            Gen.Frequency((12, QueryGen), (1, Gen.Const(""))),
            Gen.OneOfConst(Outlets).Array[1, 2].Null(),
            Gen.OneOfConst(People).Array[1, 2].Null(),
            Gen.Int[0, 9])
        .Select((q, outlets, speakers, pick) => new AlertRequest(q, pick < 3 ? outlets : null, pick is 3 or 4 ? speakers : null, pick == 5 ? outlets : null, null));

    private readonly TestIndex _index = new(TestIndex.Article("seed", "The new court ruling said votes in Kyiv", "Vote"));
    private readonly AlertCompiler _compiler;

    public AlertPlanPropertyTests()
    {
        _compiler = new AlertCompiler([_index.Index], SynonymExpander.Empty, maxPhraseSlop: 50);
    }

    [Fact]
    public void PlanDecidesEveryQueryAsLuceneDoesOnTheSameArticle()
    {
        long decided = 0, total = 0;
        Gen.Select(ArticleGen, RequestGen.Array[1, 12]).Sample((article, requests) =>
        {
            using var matcher = new AlertMatcher();
            var alerts = Compile(requests);
            matcher.Add(alerts);
            foreach (var alert in alerts)
            {
                var byPlan = matcher.MatchesByPlan(alert.Alert.Id, article);
                var byLucene = matcher.MatchesInLucene(alert, article);
                Interlocked.Increment(ref total);
                if (byPlan is { } value)
                {
                    Interlocked.Increment(ref decided);
                    Assert.True(value == byLucene, $"q='{alert.Alert.Query}' parsed {alert.Query}: plan says {value}, Lucene {byLucene}; article {Describe(article)}");
                }
            }
        }, iter: 3000, threads: 1);

        // Prefix and fuzzy atoms are left to Lucene; everything else must be decided, or the agreement proves little.
        Assert.True(decided > total * 0.6, $"plans decided only {decided} of {total} queries");
    }

    [Fact]
    public void MatcherFindsExactlyTheAlertsLuceneFindsWithTheFilters()
    {
        Gen.Select(ArticleGen, RequestGen.Array[1, 30]).Sample((article, requests) =>
        {
            using var matcher = new AlertMatcher();
            var alerts = Compile(requests);
            matcher.Add(alerts);
            var expected = alerts
                .Where(a => (a.Outlets is null || (article.Outlet is not null && a.Outlets.Contains(article.Outlet)))
                    && (a.Speakers is null || article.Speakers.Any(a.Speakers.Contains))
                    && (a.Sources is null || article.Sources.Any(a.Sources.Contains))
                    && matcher.MatchesInLucene(a, article))
                .Select(a => a.Alert.Id).Order(StringComparer.Ordinal).ToList();
            var matched = matcher.Match(article).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(matched),
                $"Lucene found [{string.Join(", ", alerts.Where(a => expected.Contains(a.Alert.Id)).Select(a => a.Alert.Query))}], the matcher "
                + $"[{string.Join(", ", alerts.Where(a => matched.Contains(a.Alert.Id)).Select(a => a.Alert.Query))}]; article {Describe(article)}");
        }, iter: 1000, threads: 1);
    }

    [Fact]
    public void DeletedAlertsLeaveNoTermBehindThatCouldMatchAgain()
    {
        using var matcher = new AlertMatcher();
        var alerts = Compile([new AlertRequest("\"kyiv court\"~3", null, null, null, null), new AlertRequest("kyiv", null, null, null, null)]);
        matcher.Add(alerts);
        var article = TestIndex.Article("a1", "A court in Kyiv said", "Kyiv");
        Assert.Equal(2, matcher.Match(article).Count);

        Assert.True(matcher.Remove(alerts[1].Alert.Id));
        Assert.Equal([alerts[0].Alert.Id], matcher.Match(article));
        Assert.True(matcher.Remove(alerts[0].Alert.Id));
        Assert.Empty(matcher.Match(article));

        // Saved again after both went: the vocabulary slots are reused and still lead to the right alert.
        var again = Compile([new AlertRequest("court", null, null, null, null)]);
        matcher.Add(again);
        Assert.Equal([again[0].Alert.Id], matcher.Match(article));
    }

    private List<CompiledAlert> Compile(IEnumerable<AlertRequest> requests)
    {
        var compiled = new List<CompiledAlert>();
        foreach (var (request, i) in requests.Select((r, i) => (r, i)))
        {
            var alert = new SavedAlert($"alert{i}", "n", request.Query ?? "", request.Outlets ?? [], request.Speakers ?? [], request.Sources ?? [], DateTimeOffset.UnixEpoch);
            try
            {
                compiled.Add(_compiler.Compile(alert));
            }
            catch (QuerySyntaxException)
            {
                // A generated query the parser refuses (a one-letter prefix, a dangling operator) is refused at save too.
            }
        }

        return compiled;
    }

    private static string Describe(Article a) =>
        $"title='{a.Title}' body='{a.Body}' outlet={a.Outlet} speakers=[{string.Join(", ", a.Speakers)}] sources=[{string.Join(", ", a.Sources)}] "
        + $"quotes=[{string.Join(" | ", a.Quotes.Select(q => q.Text))}] published={a.Published}";

    public void Dispose()
    {
        _compiler.Dispose();
        _index.Dispose();
    }
}
