using NetControl.Probes.Bandwidth;

namespace NetControl.Probes.Tests.Bandwidth;

public sealed class FleetTallyTests
{
    [Fact]
    public void Add_NineOfTwelveIncreasing_DecidedIncreasingEarly()
    {
        var tally = new FleetTally(12, 0.7);
        for (int i = 0; i < 9; i++)
        {
            Assert.False(tally.IsDecided);
            tally.Add(TrendVerdict.Increasing);
        }

        Assert.True(tally.IsDecided);
        Assert.Equal(FleetVerdict.Increasing, tally.Verdict);
    }

    [Fact]
    public void Add_EvenSplit_DecidedGreyBeforeTheEnd()
    {
        var tally = new FleetTally(12, 0.7);
        foreach (var v in new[] { TrendVerdict.Increasing, TrendVerdict.NonIncreasing, TrendVerdict.Ambiguous, TrendVerdict.Increasing, TrendVerdict.NonIncreasing, TrendVerdict.Ambiguous, TrendVerdict.Increasing })
        {
            tally.Add(v);
        }

        // 3 I, 2 N, 2 A with 5 left: neither side can reach 9.
        Assert.True(tally.IsDecided);
        Assert.Equal(FleetVerdict.Grey, tally.Verdict);
    }

    [Fact]
    public void Add_MoreThanTheFleet_Throws()
    {
        var tally = new FleetTally(1, 1.0);
        tally.Add(TrendVerdict.NonIncreasing);

        Assert.Throws<InvalidOperationException>(() => tally.Add(TrendVerdict.NonIncreasing));
    }

    [Fact]
    public void Constructor_SimpleMajorityOrLess_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FleetTally(12, 0.5));
    }
}
