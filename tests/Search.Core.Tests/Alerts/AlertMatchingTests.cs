using Search.Core.Alerts;
using Search.Core.Articles;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Synonyms;

namespace Search.Core.Tests.Alerts;

/// <summary>
/// An alert matches an article exactly when /search with the same query and filters finds it: random
/// corpus-like articles and random queries in the syntax users type, checked both ways.
/// </summary>
public sealed class AlertMatchingTests : IDisposable
{
    private static readonly string[] Words =
    [
        "election", "elections", "senate", "vote", "voters", "ukraine", "russia", "border", "wall", "economy",
        "inflation", "rates", "climate", "storm", "court", "ruling", "police", "protest", "budget", "tax",
        "health", "vaccine", "school", "the", "said", "new", "running", "runs", "president", "minister",
    ];

    private static readonly string[] Outlets = ["Reuters", "Fox News", "The Guardian", "Daily Wire", "NPR"];
    private static readonly string[] People = ["Joe Biden", "Donald Trump", "Olaf Scholz", "Ana Silva", "Liu Pengyu"];

    private readonly TestIndex _index = new();
    private readonly AlertService _alerts;

    public AlertMatchingTests()
    {
        _alerts = new AlertService(_index.Index, SynonymExpander.Empty, _index.Options, new AlertOptions());
    }

    [Fact]
    public void AlertMatchesExactlyTheArticlesSearchFindsForTheSameQueryAndFilters()
    {
        var random = new Random(18);
        var articles = Enumerable.Range(0, 80).Select(i => RandomArticle(random, i)).ToArray();
        _index.Add(articles);
        var requests = Enumerable.Range(0, 300).Select(_ => RandomRequest(random)).ToList();
        var saved = _alerts.CreateAll(requests);

        long sequence = 0;
        foreach (var article in articles)
        {
            _alerts.OnDurable(article, IngestOutcome.Created, ++sequence);
        }

        _alerts.OnBatchDurable();
        var nonEmpty = 0;
        foreach (var alert in saved)
        {
            var matched = _alerts.Matches.Read(alert.Id, 0, 1000).Select(m => m.ArticleId).Order(StringComparer.Ordinal).ToList();
            var found = _index.Ids(alert.Query, r => r with
            {
                Outlets = alert.Outlets,
                Speakers = alert.Speakers,
                Sources = alert.Sources,
                Size = 100,
                IncludeFacets = false,
            }).Order(StringComparer.Ordinal).ToList();
            Assert.True(found.SequenceEqual(matched),
                $"q='{alert.Query}' outlets=[{string.Join(",", alert.Outlets)}] speakers=[{string.Join(",", alert.Speakers)}]: "
                + $"search found [{string.Join(",", found)}], the alert matched [{string.Join(",", matched)}]");
            nonEmpty += found.Count > 0 ? 1 : 0;
        }

        // The generator must make queries that find something, or the equality above proves little.
        Assert.True(nonEmpty > requests.Count / 3, $"only {nonEmpty} of {requests.Count} queries matched anything");
    }

    [Fact]
    public void ArticleMeetsOnlyTheAlertsWhoseRequiredWordItHolds()
    {
        var saved = _alerts.CreateAll(
        [
            new AlertRequest("storm AND inflation", null, null, null, "both"),
            new AlertRequest("\"border wall\"", null, null, null, "phrase"),
            new AlertRequest("vaccine", ["NPR"], null, null, "filtered"),
        ]);
        var article = TestIndex.Article("a1", "The storm pushed inflation up, and a new vaccine arrived.", "Storm", outlet: "Reuters");
        _alerts.OnDurable(article, IngestOutcome.Created, 1);
        _alerts.OnBatchDurable();

        Assert.Single(_alerts.Matches.Read(saved[0].Id, 0, 10));
        Assert.Empty(_alerts.Matches.Read(saved[1].Id, 0, 10));
        Assert.Empty(_alerts.Matches.Read(saved[2].Id, 0, 10));
    }

    [Fact]
    public void BadQueryIsRefusedAndNotSaved()
    {
        Assert.Throws<QuerySyntaxException>(() => _alerts.Create(new AlertRequest("\"unclosed", null, null, null, "bad")));
        Assert.Empty(_alerts.List());
    }

    private static Article RandomArticle(Random random, int i)
    {
        string Text(int count) => string.Join(" ", Enumerable.Range(0, count).Select(_ => Words[random.Next(Words.Length)]));
        var speakers = People.Where(_ => random.Next(4) == 0).ToArray();
        var quotes = speakers.Select(s => new Quote(s, Text(random.Next(3, 8)))).ToArray();
        return new Article(
            $"a{i:000}",
            null,
            random.Next(5) == 0 ? null : Text(random.Next(2, 6)),
            Text(random.Next(8, 40)) + ". " + Text(random.Next(5, 20)),
            random.Next(6) == 0 ? null : Outlets[random.Next(Outlets.Length)],
            random.Next(3) == 0 ? [Outlets[random.Next(Outlets.Length)]] : [],
            speakers,
            quotes,
            random.Next(4) == 0 ? null : new DateOnly(2022, 1, 1).AddDays(random.Next(120)));
    }

    private static AlertRequest RandomRequest(Random random)
    {
        string Word() => Words[random.Next(Words.Length)];
        var query = random.Next(14) switch
        {
            0 => Word(),
            1 => $"{Word()} {Word()}",
            2 => $"\"{Word()} {Word()}\"",
            3 => $"{Word()} OR {Word()}",
            4 => $"{Word()} -{Word()}",
            5 => $"title:{Word()}",
            6 => $"{Word()[..3]}*",
            7 => $"\"{Word()} {Word()}\"~3",
            8 => $"speaker:{People[random.Next(People.Length)].Split(' ')[1]}",
            9 => $"quote:{Word()}",
            10 => $"published:[2022-02-01 TO 2022-03-15] {Word()}",
            11 => $"({Word()} OR {Word()}) AND NOT {Word()}",
            12 => $"outlet:{Outlets[random.Next(Outlets.Length)].Split(' ')[^1]} OR source:reuters",
            _ => "",
        };
        string[]? Pick(string[] values) => random.Next(3) == 0 ? [values[random.Next(values.Length)], values[random.Next(values.Length)]] : null;
        return new AlertRequest(query, Pick(Outlets), random.Next(4) == 0 ? Pick(People) : null, random.Next(5) == 0 ? Pick(Outlets) : null, null);
    }

    public void Dispose()
    {
        _alerts.Dispose();
        Directory.Delete(_alerts.Folder, recursive: true);
        _index.Dispose();
    }
}
