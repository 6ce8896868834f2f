using Search.Core.Querying.Facets;

namespace Search.Core.Tests.Querying.Facets;

public sealed class FacetTallyTests
{
    [Fact]
    public void TopValuesAreTheFullSortsFirstEntriesWithTiesInOrdinalOrder()
    {
        var random = new Random(7);
        for (var round = 0; round < 50; round++)
        {
            var valueCount = random.Next(1, 400);
            var expected = new int[valueCount];
            using var tally = new FacetTally(valueCount);
            for (var i = random.Next(0, 2000); i > 0; i--)
            {
                // Few distinct counts, so many ties.
                var ordinal = random.Next(valueCount);
                tally.Add(ordinal);
                expected[ordinal]++;
            }

            var size = random.Next(1, 30);
            var sorted = Enumerable.Range(0, valueCount).Where(o => expected[o] > 0)
                .OrderByDescending(o => expected[o]).ThenBy(o => o).Take(size);
            Assert.Equal(sorted, tally.Top(size));
        }
    }

    [Fact]
    public void TopBreaksTiesByTheGivenKeysWhenThereAreSome()
    {
        var random = new Random(5);
        for (var round = 0; round < 50; round++)
        {
            var valueCount = random.Next(1, 300);
            var keys = Enumerable.Range(0, valueCount).OrderBy(_ => random.Next()).ToArray();
            var expected = new int[valueCount];
            using var tally = new FacetTally(valueCount);
            for (var i = random.Next(0, 1500); i > 0; i--)
            {
                var ordinal = random.Next(valueCount);
                tally.Add(ordinal);
                expected[ordinal]++;
            }

            var size = random.Next(1, 25);
            var sorted = Enumerable.Range(0, valueCount).Where(o => expected[o] > 0)
                .OrderByDescending(o => expected[o]).ThenBy(o => keys[o]).Take(size);
            Assert.Equal(sorted, tally.Top(size, keys));
        }
    }

    [Fact]
    public void ATallyStartsAtZeroEvenOnAReusedArray()
    {
        using (var first = new FacetTally(1000))
        {
            for (var ordinal = 0; ordinal < 1000; ordinal++)
            {
                first.Add(ordinal, 5);
            }
        }

        using var second = new FacetTally(1000);
        second.Add(3);
        Assert.Equal(1, second.CountOf(3));
        Assert.Equal(0, second.CountOf(4));
        Assert.Equal([3], second.Top(10));
        Assert.Equal(1, second.Distinct);
    }

    [Fact]
    public void AnEmptyTallyHasNoTopValues()
    {
        using var tally = new FacetTally(0);
        Assert.Empty(tally.Top(10));
    }
}
