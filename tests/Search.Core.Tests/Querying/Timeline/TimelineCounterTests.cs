using Search.Core.Querying.Timeline;
using static Search.Core.Tests.TestIndex;

namespace Search.Core.Tests.Querying.Timeline;

public sealed class TimelineCounterTests
{
    private static TestIndex CreateIndex() => new(
        Article("a", "ukraine grain deal", published: new DateOnly(2022, 1, 3)),
        Article("b", "ukraine talks", published: new DateOnly(2022, 1, 4)),
        Article("c", "ukraine sanctions", outlet: "Wire", published: new DateOnly(2022, 3, 20)),
        Article("d", "weather report", published: new DateOnly(2022, 2, 1)),
        Article("e", "ukraine undated"));

    [Fact]
    public void MonthHistogramCountsMatchesPerMonthWithEmptyMonthsBetween()
    {
        using var index = CreateIndex();
        var response = index.Search("ukraine", r => r with { Histogram = HistogramInterval.Month });
        Assert.Equal("month", response.HistogramInterval);
        Assert.Equal(
            [(new DateOnly(2022, 1, 1), 2), (new DateOnly(2022, 2, 1), 0), (new DateOnly(2022, 3, 1), 1)],
            response.Histogram!.Select(b => (b.Start, b.Count)));
    }

    [Fact]
    public void DateFilterDoesNotNarrowItsOwnHistogramButOtherFiltersDo()
    {
        using var index = CreateIndex();
        var dated = index.Search("ukraine", r => r with { Histogram = HistogramInterval.Month, From = new DateOnly(2022, 3, 1) });
        Assert.Equal(1, dated.Total);
        Assert.Equal(3, dated.Histogram!.Sum(b => b.Count));

        var byOutlet = index.Search("ukraine", r => r with { Histogram = HistogramInterval.Month, Outlets = ["Wire"] });
        Assert.Equal([(new DateOnly(2022, 3, 1), 1)], byOutlet.Histogram!.Select(b => (b.Start, b.Count)));
    }

    [Fact]
    public void WeekBucketsStartOnMonday()
    {
        using var index = CreateIndex();
        var response = index.Search("ukraine", r => r with { Histogram = HistogramInterval.Week, IncludeFacets = false });
        Assert.All(response.Histogram!, b => Assert.Equal(DayOfWeek.Monday, b.Start.DayOfWeek));
        Assert.Equal(new DateOnly(2022, 1, 3), response.Histogram![0].Start);
        Assert.Equal(2, response.Histogram[0].Count);
    }

    [Fact]
    public void AutoPicksTheFinestIntervalWithAtMostSixtyBuckets()
    {
        Assert.Equal(HistogramInterval.Day, TimelineCounter.PickInterval(new DateOnly(2022, 1, 1), new DateOnly(2022, 3, 1)));
        Assert.Equal(HistogramInterval.Week, TimelineCounter.PickInterval(new DateOnly(2022, 1, 1), new DateOnly(2022, 6, 1)));
        Assert.Equal(HistogramInterval.Month, TimelineCounter.PickInterval(new DateOnly(2015, 1, 1), new DateOnly(2019, 12, 31)));
        Assert.Equal(HistogramInterval.Year, TimelineCounter.PickInterval(new DateOnly(2000, 1, 1), new DateOnly(2022, 1, 1)));
    }

    [Fact]
    public void NoHistogramIsReturnedUnlessAskedFor()
    {
        using var index = CreateIndex();
        Assert.Null(index.Search("ukraine").Histogram);
    }
}
