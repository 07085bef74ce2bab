using NetControl.Probes.Metrics;

namespace NetControl.Probes.Tests.Metrics;

public sealed class IpdvStatisticsTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void From_GapInSequence_SkipsPairsWithALostMember()
    {
        // Pairs (0,1): 2 ms, (1,2): 3 ms, (4,5): 0 ms; 3 is lost so (2,3) and (3,4) do not count.
        var stats = IpdvStatistics.From([(4, Ms(20)), (0, Ms(10)), (2, Ms(9)), (1, Ms(12)), (5, Ms(20))])!;

        Assert.Equal(3, stats.Pairs);
        Assert.Equal(TimeSpan.FromTicks(16_667), stats.MeanAbsolute);   // 5 ms / 3, rounded to the tick
        Assert.Equal(Ms(3), stats.P95Absolute);
        Assert.Equal(Ms(3), stats.MaxAbsolute);
    }

    [Fact]
    public void From_NoConsecutivePair_IsNull()
    {
        Assert.Null(IpdvStatistics.From([(0, Ms(1)), (2, Ms(2))]));
    }
}
