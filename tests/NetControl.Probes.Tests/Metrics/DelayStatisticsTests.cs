using NetControl.Probes.Metrics;

namespace NetControl.Probes.Tests.Metrics;

public sealed class DelayStatisticsTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void From_OneToTwentyMilliseconds_GivesNearestRankPercentiles()
    {
        var delays = Enumerable.Range(1, 20).Reverse().Select(i => Ms(i));

        var stats = DelayStatistics.From(delays)!;

        Assert.Equal(new DelayStatistics(20, Ms(1), Ms(10), Ms(19), Ms(20), Ms(10.5)), stats);
        Assert.Equal(Ms(9), stats.Pdv);
    }

    [Fact]
    public void From_NoDelays_IsNull()
    {
        Assert.Null(DelayStatistics.From([]));
    }

    [Fact]
    public void NearestRank_EvenCount_MedianIsLowerMiddle()
    {
        TimeSpan[] sorted = [Ms(1), Ms(2), Ms(3), Ms(4)];

        Assert.Equal(Ms(2), Percentile.NearestRank(sorted, 50));
        Assert.Equal(Ms(1), Percentile.NearestRank(sorted, 0));
        Assert.Equal(Ms(4), Percentile.NearestRank(sorted, 95));
        Assert.Equal(Ms(4), Percentile.NearestRank(sorted, 100));
    }

    [Fact]
    public void NearestRank_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => Percentile.NearestRank([], 50));
    }
}
