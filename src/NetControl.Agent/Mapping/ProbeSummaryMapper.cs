using NetControl.Messaging.Contracts;
using NetControl.Probes.Sessions;
using NetControl.Probes.Timestamps;

namespace NetControl.Agent.Mapping;

/// <summary>
/// Turns a STAMP session's <see cref="StampIntervalSummary"/> into the published <see cref="ProbeSummary"/> contract.
/// Delays are rounded to the microsecond (half away from zero). RTT figures are null when nothing came back; jitter
/// (RFC 3550, as the session's running value), IPDV (mean |D(i) - D(i-1)|) and PDV (P95 - P50 of the RTT, the
/// figure owping reports) are null when fewer than two replies came back in the interval, as the contract says.
/// <see cref="ProbeSummary.Sequence"/> is left 0: the publisher assigns it. An available-bandwidth range is attached
/// when an estimate towards the target completed since the previous summary.
/// </summary>
public static class ProbeSummaryMapper
{
    /// <summary>Maps one interval of the session towards <paramref name="targetId"/>.</summary>
    public static ProbeSummary Map(StampIntervalSummary interval, string agentId, string targetId, string? linkId, BandwidthRange? availableBandwidth = null)
    {
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentException.ThrowIfNullOrEmpty(targetId);
        var rtt = interval.Rtt;
        bool variation = interval.Received >= 2;
        return new ProbeSummary
        {
            AgentId = agentId,
            TargetId = targetId,
            LinkId = linkId,
            IntervalStart = interval.Start,
            IntervalUs = Microseconds(interval.End - interval.Start),
            Sent = interval.Sent,
            Received = interval.Received,
            Lost = interval.Lost,
            LossRatio = interval.LossRatio,
            Duplicates = interval.Duplicates,
            Reordered = interval.Reordered,
            RttMinUs = rtt is null ? null : Microseconds(rtt.Min),
            RttMedianUs = rtt is null ? null : Microseconds(rtt.Median),
            RttP95Us = rtt is null ? null : Microseconds(rtt.P95),
            RttMaxUs = rtt is null ? null : Microseconds(rtt.Max),
            JitterUs = variation && interval.Jitter is { } jitter ? jitter.TotalMicroseconds : null,
            IpdvUs = variation && interval.Ipdv is { } ipdv ? ipdv.MeanAbsolute.TotalMicroseconds : null,
            PdvUs = variation && interval.Pdv is { } pdv ? pdv.TotalMicroseconds : null,
            AvailableBandwidth = availableBandwidth,
            Clock = Clock(interval.Clock),
        };
    }

    /// <summary>The contract's name for a receive clock.</summary>
    public static ProbeClock Clock(ReceiveClock clock) => clock switch
    {
        ReceiveClock.Kernel => ProbeClock.Kernel,
        ReceiveClock.Pcap => ProbeClock.Pcap,
        ReceiveClock.UserSpace => ProbeClock.User,
        _ => throw new ArgumentOutOfRangeException(nameof(clock), clock, "unknown receive clock"),
    };

    /// <summary>A duration in whole microseconds, rounded half away from zero.</summary>
    public static long Microseconds(TimeSpan value) => (long)Math.Round(value.Ticks / 10.0, MidpointRounding.AwayFromZero);
}
