using System.Text.Json.Serialization;

namespace NetControl.Messaging.Contracts;

/// <summary>
/// One probe interval towards one target, as an agent publishes it. Times are microseconds. RTT figures are null
/// when nothing came back; delay variation figures are null when fewer than two replies came back.
/// <see cref="Sequence"/> is assigned by the agent's publisher, per agent, from 1, gap-free, and survives restarts
/// (it is kept in the store-and-forward journal), so the controller can count loss and duplicates end to end.
/// </summary>
public sealed record ProbeSummary
{
    /// <summary>The publishing agent (also the MQTT user name and client id).</summary>
    public required string AgentId { get; init; }

    /// <summary>The probed peer (reflector, agent or host id).</summary>
    public required string TargetId { get; init; }

    /// <summary>The topology link the path maps to, when the agent knows it.</summary>
    public string? LinkId { get; init; }

    /// <summary>Per-agent sequence number, from 1; set by the publisher.</summary>
    [JsonRequired]
    public long Sequence { get; init; }

    /// <summary>Start of the measurement interval (agent clock, UTC).</summary>
    public required DateTimeOffset IntervalStart { get; init; }

    /// <summary>Length of the interval in microseconds.</summary>
    public required long IntervalUs { get; init; }

    public long Sent { get; init; }

    public long Received { get; init; }

    public long Lost { get; init; }

    /// <summary>Lost / sent, 0..1.</summary>
    public double LossRatio { get; init; }

    public long Duplicates { get; init; }

    public long Reordered { get; init; }

    public long? RttMinUs { get; init; }

    public long? RttMedianUs { get; init; }

    public long? RttP95Us { get; init; }

    public long? RttMaxUs { get; init; }

    /// <summary>Interarrival jitter as RFC 3550 section 6.4.1 smooths it.</summary>
    public double? JitterUs { get; init; }

    /// <summary>Mean absolute IP delay variation between consecutive packets (RFC 5481 IPDV).</summary>
    public double? IpdvUs { get; init; }

    /// <summary>Packet delay variation of the interval's round trips: P95 minus P50 (RFC 5481 PDV as the probes compute it, the owping figure).</summary>
    public double? PdvUs { get; init; }

    /// <summary>Available bandwidth range, when an estimate ran in this interval.</summary>
    public BandwidthRange? AvailableBandwidth { get; init; }

    public ProbeClock Clock { get; init; }
}
