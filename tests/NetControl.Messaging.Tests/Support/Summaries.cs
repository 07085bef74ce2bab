using NetControl.Messaging.Contracts;

namespace NetControl.Messaging.Tests.Support;

/// <summary>Realistic probe summaries for tests.</summary>
internal static class Summaries
{
    public static ProbeSummary Make(string agentId, int i, string target = "reflector-cern") => new()
    {
        AgentId = agentId,
        TargetId = target,
        LinkId = "geneva-chicago-1",
        IntervalStart = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero).AddSeconds(i),
        IntervalUs = 1_000_000,
        Sent = 100,
        Received = 99,
        Lost = 1,
        LossRatio = 0.01,
        Duplicates = 0,
        Reordered = 2,
        RttMinUs = 103_250 + i,
        RttMedianUs = 103_900,
        RttP95Us = 104_800,
        RttMaxUs = 110_020,
        JitterUs = 41.5,
        IpdvUs = 37.25,
        PdvUs = 880,
        AvailableBandwidth = i % 2 == 0 ? new BandwidthRange(8_200_000_000, 9_100_000_000) : null,
        Clock = ProbeClock.Kernel,
    };
}
