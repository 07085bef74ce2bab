using NetControl.Core.Telemetry;
using NetControl.Messaging.Contracts;

namespace NetControl.Messaging.Ingest;

/// <summary>From the wire contract (microseconds, bit/s) to the controller's link sample (milliseconds, Mbit/s).</summary>
public static class LinkSamples
{
    /// <summary>The link a summary measures: its link id, else the agent-to-target pair.</summary>
    public static string LinkOf(ProbeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.LinkId ?? $"{summary.AgentId}->{summary.TargetId}";
    }

    public static LinkSample From(ProbeSummary summary) => new(
        LinkOf(summary),
        summary.AgentId,
        summary.IntervalStart,
        TimeSpan.FromMicroseconds(summary.IntervalUs),
        summary.Sent,
        summary.Lost,
        summary.LossRatio,
        summary.RttMedianUs / 1000.0,
        summary.JitterUs / 1000.0,
        summary.AvailableBandwidth?.LowBps / 1e6,
        summary.AvailableBandwidth?.HighBps / 1e6);
}
