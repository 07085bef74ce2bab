using NetControl.Messaging.Contracts;
using NetControl.Messaging.Ingest;

namespace NetControl.Messaging.Tests.Ingest;

public sealed class LinkSamplesTests
{
    [Fact]
    public void From_FullSummary_ConvertsUnitsAndKeepsCounts()
    {
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var sample = LinkSamples.From(new ProbeSummary
        {
            AgentId = "gva",
            TargetId = "chi",
            LinkId = "CHI-GVA-QWEST",
            IntervalStart = at,
            IntervalUs = 1_500_000,
            Sent = 100,
            Lost = 3,
            LossRatio = 0.03,
            RttMedianUs = 118_250,
            JitterUs = 420,
            AvailableBandwidth = new BandwidthRange(800_000_000, 950_000_000),
        });

        Assert.Equal("CHI-GVA-QWEST", sample.LinkId);
        Assert.Equal("gva", sample.Source);
        Assert.Equal(at, sample.IntervalStart);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), sample.Interval);
        Assert.Equal((100L, 3L, 0.03), (sample.Sent, sample.Lost, sample.LossRatio));
        Assert.Equal(118.25, sample.RttMedianMs);
        Assert.Equal(0.42, sample.JitterMs!.Value, 9);
        Assert.Equal((800.0, 950.0), (sample.AvailableMbpsLow!.Value, sample.AvailableMbpsHigh!.Value));
    }

    [Fact]
    public void From_NoLinkNoReplies_AgentToTargetAndNulls()
    {
        var sample = LinkSamples.From(new ProbeSummary { AgentId = "gva", TargetId = "chi", IntervalStart = DateTimeOffset.UnixEpoch, IntervalUs = 1_000_000, Sent = 10, Lost = 10, LossRatio = 1 });

        Assert.Equal("gva->chi", sample.LinkId);
        Assert.Null(sample.RttMedianMs);
        Assert.Null(sample.JitterMs);
        Assert.Null(sample.AvailableMbpsLow);
    }
}
