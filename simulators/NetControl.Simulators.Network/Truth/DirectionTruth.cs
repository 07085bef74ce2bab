using NetControl.Core.Units;

namespace NetControl.Simulators.Network.Truth;

/// <summary>
/// What one direction of an emulated link actually did since its last reset: counters, the configured values, and
/// the delays it applied. Extra delay is release time - arrival - base delay: jitter, queueing, serialisation and
/// any FIFO hold. Applied delay is release time - arrival (what a perfect one-way probe would see beyond the
/// loopback stack's own cost).
/// </summary>
public sealed record DirectionTruth
{
    public long PacketsIn { get; init; }

    public long BytesIn { get; init; }

    public long Forwarded { get; init; }

    public long BytesForwarded { get; init; }

    public long DroppedRandomLoss { get; init; }

    public long DroppedBurstLoss { get; init; }

    public long DroppedQueueOverflow { get; init; }

    /// <summary>Dropped at ingress or in flight while the link was cut.</summary>
    public long DroppedCut { get; init; }

    /// <summary>Datagrams the relay could not send (socket error).</summary>
    public long SendErrors { get; init; }

    public long Dropped => DroppedRandomLoss + DroppedBurstLoss + DroppedQueueOverflow + DroppedCut;

    /// <summary>Drops by loss (random and burst) over packets offered to the loss stage (packets in minus cut).</summary>
    public double LossRatio => PacketsIn - DroppedCut == 0 ? 0 : (double)(DroppedRandomLoss + DroppedBurstLoss) / (PacketsIn - DroppedCut);

    public TimeSpan BaseDelay { get; init; }

    public required DelayStatistics ExtraDelay { get; init; }

    public required DelayStatistics AppliedDelay { get; init; }

    /// <summary>Release time minus scheduled time, measured on the release thread just before each send.</summary>
    public required DelayStatistics ReleaseError { get; init; }

    /// <summary>Bottleneck capacity, or null when the direction has none.</summary>
    public DataRate? Capacity { get; init; }

    public DataRate CrossTrafficRate { get; init; }

    /// <summary>Capacity minus cross-traffic rate, or null without a bottleneck.</summary>
    public DataRate? AvailableBandwidth { get; init; }

    public long CrossTrafficPackets { get; init; }

    public long CrossTrafficDropped { get; init; }
}
