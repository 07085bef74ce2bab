using NetControl.Agent.Mapping;
using NetControl.Messaging.Contracts;
using NetControl.Probes.Metrics;
using NetControl.Probes.Sessions;
using NetControl.Probes.Timestamps;

namespace NetControl.Agent.Tests.Mapping;

public sealed class ProbeSummaryMapperTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

    private static StampIntervalSummary Interval(long received, DelayStatistics? rtt, TimeSpan? jitter, IpdvStatistics? ipdv, ReceiveClock clock = ReceiveClock.Kernel) =>
        new(Start, Start + TimeSpan.FromSeconds(10), Sent: 100, Received: received, Lost: 100 - received, Late: 1, Duplicates: 2, Reordered: 3, rtt, jitter, ipdv, clock);

    private static TimeSpan Us(double us) => TimeSpan.FromTicks((long)Math.Round(us * 10));

    [Fact]
    public void Map_FullInterval_EveryFieldMapped()
    {
        var rtt = new DelayStatistics(96, Us(10_000.04), Us(10_500.5), Us(11_999.96), Us(15_000), Us(10_600));
        var ipdv = new IpdvStatistics(90, Us(120.5), Us(400), Us(900));

        var s = ProbeSummaryMapper.Map(Interval(96, rtt, Us(250.3), ipdv), "gva", "ams", "GVA-AMS");

        Assert.Equal("gva", s.AgentId);
        Assert.Equal("ams", s.TargetId);
        Assert.Equal("GVA-AMS", s.LinkId);
        Assert.Equal(0, s.Sequence);
        Assert.Equal(Start, s.IntervalStart);
        Assert.Equal(10_000_000, s.IntervalUs);
        Assert.Equal(100, s.Sent);
        Assert.Equal(96, s.Received);
        Assert.Equal(4, s.Lost);
        Assert.Equal(0.04, s.LossRatio, 12);
        Assert.Equal(2, s.Duplicates);
        Assert.Equal(3, s.Reordered);
        Assert.Equal(10_000, s.RttMinUs);
        Assert.Equal(10_501, s.RttMedianUs);
        Assert.Equal(12_000, s.RttP95Us);
        Assert.Equal(15_000, s.RttMaxUs);
        Assert.Equal(250.3, s.JitterUs!.Value, 6);
        Assert.Equal(120.5, s.IpdvUs!.Value, 6);
        Assert.Equal(12_000 - 10_500.5, s.PdvUs!.Value, 6);
        Assert.Null(s.AvailableBandwidth);
        Assert.Equal(ProbeClock.Kernel, s.Clock);
    }

    [Fact]
    public void Map_NothingReceived_RttAndVariationNull()
    {
        var s = ProbeSummaryMapper.Map(Interval(0, null, null, null, ReceiveClock.UserSpace), "gva", "ams", null);

        Assert.Null(s.LinkId);
        Assert.Equal(1.0, s.LossRatio);
        Assert.Null(s.RttMinUs);
        Assert.Null(s.RttMedianUs);
        Assert.Null(s.RttP95Us);
        Assert.Null(s.RttMaxUs);
        Assert.Null(s.JitterUs);
        Assert.Null(s.IpdvUs);
        Assert.Null(s.PdvUs);
        Assert.Equal(ProbeClock.User, s.Clock);
    }

    [Fact]
    public void Map_OneReply_RttSetVariationNull()
    {
        var rtt = new DelayStatistics(1, Us(800), Us(800), Us(800), Us(800), Us(800));

        var s = ProbeSummaryMapper.Map(Interval(1, rtt, TimeSpan.FromMicroseconds(30), null), "gva", "ams", null);

        Assert.Equal(800, s.RttMedianUs);
        Assert.Null(s.JitterUs);
        Assert.Null(s.PdvUs);
        Assert.Null(s.IpdvUs);
    }

    [Fact]
    public void Map_WithBandwidth_RangeAttached()
    {
        var range = new BandwidthRange(40_000_000, 48_000_000);

        var s = ProbeSummaryMapper.Map(Interval(0, null, null, null), "gva", "ams", null, range);

        Assert.Same(range, s.AvailableBandwidth);
    }

    [Theory]
    [InlineData(ReceiveClock.Kernel, ProbeClock.Kernel)]
    [InlineData(ReceiveClock.Pcap, ProbeClock.Pcap)]
    [InlineData(ReceiveClock.UserSpace, ProbeClock.User)]
    public void Clock_EachReceiveClock_ContractName(ReceiveClock clock, ProbeClock expected) => Assert.Equal(expected, ProbeSummaryMapper.Clock(clock));

    [Theory]
    [InlineData(15, 2)]
    [InlineData(14, 1)]
    [InlineData(-15, -2)]
    [InlineData(0, 0)]
    public void Microseconds_HalfTicks_RoundAwayFromZero(long ticks, long expected) => Assert.Equal(expected, ProbeSummaryMapper.Microseconds(TimeSpan.FromTicks(ticks)));
}
