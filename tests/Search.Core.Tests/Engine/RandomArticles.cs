using Search.Core.Articles;
using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

/// <summary>Reproducible random articles and queries over a small Zipf-like vocabulary, so terms repeat across articles.</summary>
public sealed class RandomArticles(int seed)
{
    private static readonly string[] Words =
    [
        "election", "senate", "budget", "climate", "storm", "court", "ruling", "vote", "border", "trade",
        "tariff", "market", "strike", "union", "school", "virus", "vaccine", "health", "energy", "oil",
        "police", "protest", "mayor", "governor", "war", "peace", "treaty", "summit", "inflation", "jobs",
        "wildfire", "flood", "rescue", "bridge", "rail", "airport", "tax", "reform", "debate", "poll",
    ];

    private static readonly string[] Outlets = ["Daily Ledger", "Morning Wire", "Coast Times", "Valley Post", "Metro Herald", "Capital Star"];

    private static readonly string[] Speakers = ["Ana Ruiz", "Ben Okafor", "Chen Wei", "Dana Holt", "Eli Marsh", "Femi Ade", "Gus Lind", "Hana Sato"];

    private static readonly string[] Sources = ["Associated Press", "Reuters", "Wire Service", "Local Desk"];

    private readonly Random _random = new(seed);

    public List<Article> Articles(int count) => Enumerable.Range(0, count).Select(NewArticle).ToList();

    private Article NewArticle(int n)
    {
        var published = _random.Next(6) == 0 ? (DateOnly?)null : new DateOnly(2024, 1, 1).AddDays(_random.Next(400));
        return new Article(
            $"art-{n:0000}-{_random.Next(1000)}",
            null,
            Text(2, 7),
            Text(5, 80),
            _random.Next(10) == 0 ? null : Pick(Outlets),
            Some(Sources, 2),
            Some(Speakers, 3),
            [],
            published);
    }

    /// <summary>A random query: terms, phrases, booleans, fields and prefixes.</summary>
    public string? Query() => _random.Next(11) switch
    {
        0 => null,
        1 => Word(),
        2 => $"{Word()} {Word()}",
        3 => $"\"{Word()} {Word()}\"",
        4 => $"{Word()} OR {Word()}",
        5 => $"{Word()} -{Word()}",
        6 => $"({Word()} OR {Word()}) AND {Word()}",
        7 => $"title:{Word()}",
        8 => $"{Word()[..3]}*",
        9 => $"\"{Word()} {Word()}\"~3 OR {Word()}",
        _ => $"{Word()} {Word()} {Word()}",
    };

    /// <summary>A random request around <see cref="Query"/>: operator, sort and filters.</summary>
    public SearchRequest Request(int size) => new()
    {
        Query = Query(),
        Operator = _random.Next(3) == 0 ? DefaultOperator.Or : DefaultOperator.And,
        Sort = (SearchSort)_random.Next(3),
        Outlets = _random.Next(4) == 0 ? Some(Outlets, 2) : [],
        Speakers = _random.Next(5) == 0 ? Some(Speakers, 1) : [],
        From = _random.Next(5) == 0 ? new DateOnly(2024, 3, 1) : null,
        To = _random.Next(6) == 0 ? new DateOnly(2024, 12, 31) : null,
        Size = size,
    };

    private string Word()
    {
        // Squaring a uniform draw favours the first words: some terms are common, most rare.
        var x = _random.NextDouble();
        return Words[(int)(x * x * Words.Length)];
    }

    private string Text(int min, int max) => string.Join(' ', Enumerable.Range(0, _random.Next(min, max)).Select(_ => Word()));

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private string[] Some(string[] values, int max) => [.. Enumerable.Range(0, _random.Next(max + 1)).Select(_ => Pick(values)).Distinct()];
}
