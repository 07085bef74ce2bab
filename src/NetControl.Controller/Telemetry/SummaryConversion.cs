using NetControl.Core.Telemetry;
using NetControl.Messaging.Contracts;

namespace NetControl.Controller.Telemetry;

/// <summary>From the wire contract (microseconds, bit/s) to a link sample (milliseconds, Mbit/s).</summary>
internal static class SummaryConversion
{
    /// <summary>The link a summary measures: its link id, else the agent-to-target pair.</summary>
    public static string LinkOf(ProbeSummary summary) => summary.LinkId ?? $"{summary.AgentId}->{summary.TargetId}";

    public static LinkSample ToSample(ProbeSummary s) => new(
        LinkOf(s),
        s.AgentId,
        s.IntervalStart,
        TimeSpan.FromTicks(s.IntervalUs * TimeSpan.TicksPerMicrosecond),
        s.Sent,
        s.Lost,
        s.LossRatio,
        s.RttMedianUs / 1000.0,
        s.JitterUs / 1000.0,
        s.AvailableBandwidth?.LowBps / 1e6,
        s.AvailableBandwidth?.HighBps / 1e6);
}
