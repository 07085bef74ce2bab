using NetControl.Probes.Bandwidth;

namespace NetControl.Probes.Tests.Bandwidth;

public sealed class RateSearchTests
{
    [Theory]
    [InlineData(1.7e6)]
    [InlineData(42e6)]
    [InlineData(123.4e6)]
    [InlineData(950e6)]
    public void Record_ExactOracle_BracketsTruthAtResolution(double truth)
    {
        var search = new RateSearch(1e6, 1e9, 0, 0.05, 0.1);
        int fleets = Run(search, r => r > truth ? FleetVerdict.Increasing : FleetVerdict.NonIncreasing);

        Assert.Equal(EstimateStopReason.Resolution, search.Stopped);
        Assert.InRange(truth, search.Low, search.High);
        Assert.True(search.High - search.Low <= 0.05 * search.High);
        Assert.True(fleets <= 10, $"{fleets} fleets");
    }

    [Fact]
    public void Record_GreyBand_StopsOnGreyRegionContainingIt()
    {
        var search = new RateSearch(1e6, 1e9, 0, 0.02, 0.1);
        Run(search, r => r < 80e6 ? FleetVerdict.NonIncreasing : r > 120e6 ? FleetVerdict.Increasing : FleetVerdict.Grey);

        Assert.Equal(EstimateStopReason.GreyRegion, search.Stopped);
        Assert.True(search.Low <= 80e6 && search.Low >= 80e6 * 0.9, $"low {search.Low}");
        Assert.True(search.High >= 120e6 && search.High <= 120e6 / 0.9, $"high {search.High}");
    }

    [Fact]
    public void Record_AlwaysNonIncreasing_AboveMaximumRate()
    {
        var search = new RateSearch(1e6, 100e6, 0, 0.05, 0.1);
        Run(search, _ => FleetVerdict.NonIncreasing);

        Assert.Equal(EstimateStopReason.AboveMaximumRate, search.Stopped);
        Assert.Equal(100e6, search.High);
        Assert.True(search.Low >= 95e6);
    }

    [Fact]
    public void Record_AlwaysIncreasing_BelowMinimumRate()
    {
        var search = new RateSearch(1e6, 100e6, 0, 0.05, 0.1);
        Run(search, _ => FleetVerdict.Increasing);

        Assert.Equal(EstimateStopReason.BelowMinimumRate, search.Stopped);
        Assert.Equal(1e6, search.Low);
    }

    [Fact]
    public void Record_ContradictingFleetOutsideBracket_Ignored()
    {
        var search = new RateSearch(1e6, 100e6, 0, 0.05, 0.1);
        search.Record(50e6, FleetVerdict.Increasing);
        search.Record(10e6, FleetVerdict.NonIncreasing);

        search.Record(60e6, FleetVerdict.NonIncreasing);
        search.Record(5e6, FleetVerdict.Increasing);

        Assert.Equal(10e6, search.Low);
        Assert.Equal(50e6, search.High);
    }

    private static int Run(RateSearch search, Func<double, FleetVerdict> oracle)
    {
        int fleets = 0;
        while (search.Stopped is null)
        {
            Assert.True(++fleets < 100, "search does not terminate");
            double rate = search.NextRate();
            search.Record(rate, oracle(rate));
        }

        return fleets;
    }
}
