using Search.Core.Articles;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying.Facets;

/// <summary>Facet counts over several segments, for fields with many values and queries matching few documents.</summary>
public sealed class FacetCountingTests : IDisposable
{
    private readonly TestIndex _index = new();
    private readonly List<Article> _articles = [];

    public FacetCountingTests()
    {
        // Three commits, three segments; 120 speaker names, so a query matching a few articles touches a small
        // share of each segment's values (counted value by value) and one matching most touches many (counted per segment).
        var random = new Random(11);
        for (var segment = 0; segment < 3; segment++)
        {
            var batch = new List<Article>();
            for (var i = 0; i < 40; i++)
            {
                var id = $"{segment}-{i}";
                var speakers = Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"Speaker {random.Next(120):000}").Distinct().ToList();
                var title = i % 7 == 0 ? $"Rare harbour story {id}" : $"Common market story {id}";
                batch.Add(Article(id, title, title: title, outlet: $"Outlet {random.Next(30)}", speakers: [.. speakers]));
            }

            _index.Add([.. batch]);
            _articles.AddRange(batch);
        }
    }

    [Theory]
    [InlineData("harbour")]
    [InlineData("story")]
    public void CountsEqualThoseOfTheMatchingArticles(string word)
    {
        var response = _index.Search(word, r => r with { Size = 1 });
        var matching = _articles.Where(a => a.Title!.Contains(word, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(matching.Count, response.Total);
        foreach (var (facet, values) in new[] { ("speaker", matching.SelectMany(a => a.Speakers)), ("outlet", matching.Select(a => a.Outlet!)) })
        {
            var expected = values.GroupBy(v => v).Select(g => (Value: g.Key, Count: g.Count()))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(_index.Options.FacetSize);
            Assert.Equal(expected, response.Facets[facet].Select(v => (v.Value, v.Count)));
        }
    }

    public void Dispose() => _index.Dispose();
}
