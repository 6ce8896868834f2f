using Search.Core.Articles;
using Search.Core.Querying.Facets;
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

    [Fact]
    public void OutletFilterNarrowsEveryFacetButTheOutletOneOverSegments()
    {
        var outlet = _articles.GroupBy(a => a.Outlet!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var response = _index.Search("story", r => r with { Size = 1, Outlets = [outlet] });
        var kept = _articles.Where(a => a.Outlet == outlet).ToList();
        Assert.Equal(kept.Count, response.Total);
        Assert.Equal(Top(kept.SelectMany(a => a.Speakers)), response.Facets["speaker"].Select(v => (v.Value, v.Count)));
        Assert.Equal(Top(_articles.Select(a => a.Outlet!)), response.Facets["outlet"].Select(v => (v.Value, v.Count)));
    }

    [Fact]
    public void CountsFollowUpdatesAndDeletesAcrossRefreshes()
    {
        // Ten articles, spread over the three segments, get a new speaker: more than any other speaker has.
        var changed = _articles.Where((_, i) => i % 12 == 5).Select(a => a with { Speakers = ["Speaker 999"] }).ToList();
        _index.Add([.. changed]);
        _index.Index.Delete(_articles[1].Id);
        _index.Index.Commit();
        _index.Index.Refresh();
        var live = _articles.Where(a => a.Id != _articles[1].Id && changed.All(c => c.Id != a.Id)).Concat(changed).ToList();

        var response = _index.Search("story", r => r with { Size = 1 });

        Assert.Equal(live.Count, response.Total);
        Assert.Equal(Top(live.SelectMany(a => a.Speakers)), response.Facets["speaker"].Select(v => (v.Value, v.Count)));
        Assert.Equal(("Speaker 999", changed.Count), (response.Facets["speaker"][0].Value, response.Facets["speaker"][0].Count));
    }

    [Fact]
    public void UnchangedSegmentsKeepTheirFacetArraysAcrossRefreshes()
    {
        SegmentFacetOrdinals[] before;
        using (var lease = _index.Index.AcquireSearcher())
        {
            before = [.. Enumerable.Range(0, lease.Searcher.IndexReader.Leaves.Count).Select(lease.Context.Facets.Segment)];
        }

        _index.Add(Article("new-1", "Another market story", title: "Another market story", outlet: "Outlet 1", speakers: ["Speaker 001"]));

        using var after = _index.Index.AcquireSearcher();
        var leaves = after.Searcher.IndexReader.Leaves.Count;
        Assert.Equal(before.Length + 1, leaves);
        // Per segment core: the old segments' arrays are the very same objects; only the new segment was read.
        Assert.All(Enumerable.Range(0, before.Length), i => Assert.Same(before[i], after.Context.Facets.Segment(i)));
    }

    private IEnumerable<(string Value, int Count)> Top(IEnumerable<string> values) =>
        values.GroupBy(v => v).Select(g => (Value: g.Key, Count: g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(_index.Options.FacetSize);

    public void Dispose() => _index.Dispose();
}
