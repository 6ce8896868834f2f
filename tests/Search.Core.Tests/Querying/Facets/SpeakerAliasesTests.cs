using Search.Core.Querying;
using Search.Core.Querying.Facets;

namespace Search.Core.Tests.Querying.Facets;

public sealed class SpeakerAliasesTests
{
    private static readonly (string, int)[] Corpus =
    [
        ("Ingrid Solberg", 5), ("Solberg", 2), ("Laura Q. Finch", 1), ("Laura Finch", 3), ("Finch", 1),
        ("Anna Berg", 2), ("Jonas Berg", 2), ("Berg", 4),
    ];

    [Fact]
    public void TableIsTheSameWhateverOrderTheValuesComeIn()
    {
        var forward = SpeakerAliases.Build(Corpus);
        var backward = SpeakerAliases.Build(Corpus.Reverse());
        // Shards report their values apart: counts of one name add up.
        var split = SpeakerAliases.Build(Corpus.SelectMany(v => new[] { (v.Item1, 1), (v.Item1, v.Item2 - 1) }));
        foreach (var (name, _) in Corpus)
        {
            Assert.Equal(forward.Canonical(name), backward.Canonical(name));
            Assert.Equal(forward.Canonical(name), split.Canonical(name));
        }

        Assert.Equal("Ingrid Solberg", forward.Canonical("Solberg"));
        Assert.Equal("Laura Finch", forward.Canonical("Laura Q. Finch"));
        Assert.Equal("Laura Finch", forward.Canonical("Finch"));
        Assert.Equal("Berg", forward.Canonical("Berg"));
    }

    [Fact]
    public void FoldingAddsAliasCountsToTheCanonicalName()
    {
        var aliases = SpeakerAliases.Build(Corpus);
        var folded = aliases.Fold([new FacetValue("Solberg", 2), new FacetValue("Ingrid Solberg", 1), new FacetValue("Berg", 2)], 10);
        Assert.Equal([new FacetValue("Ingrid Solberg", 3), new FacetValue("Berg", 2)], folded);
    }

    [Fact]
    public void FilterOnANameKeepsItsAliases()
    {
        var aliases = SpeakerAliases.Build(Corpus);
        Assert.Equal(["Finch", "Laura Finch", "Laura Q. Finch"], aliases.Expand(["Laura Finch"]));
        Assert.Equal(["Finch", "Laura Finch", "Laura Q. Finch"], aliases.Expand(["Finch"]));
        Assert.Equal(["Jonas Berg"], aliases.Expand(["Jonas Berg"]));
        Assert.Equal(["Ingrid Solberg", "Laura Finch"], aliases.Present(["Solberg", "Laura Q. Finch", "Ingrid Solberg"]));
    }
}
