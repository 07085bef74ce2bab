using NetControl.Core.Units;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Settings of one available-bandwidth estimate. Defaults follow pathload (fleets of 12 streams of 100
/// packets) with 1000-byte payloads, so a full fleet sends 1.2 MB and the default budget allows 13 of them.
/// </summary>
public sealed record AvailableBandwidthOptions
{
    /// <summary>Lowest rate the search considers.</summary>
    public DataRate MinimumRate { get; init; } = DataRate.FromMbps(1);

    /// <summary>Highest rate the search considers; above the path's capacity is useless, above what the sender can pace gives <see cref="EstimateStopReason.SenderLimited"/>.</summary>
    public DataRate MaximumRate { get; init; } = DataRate.FromMbps(1000);

    /// <summary>Stop when the range is narrower than this.</summary>
    public DataRate Resolution { get; init; } = DataRate.FromMbps(1);

    /// <summary>Stop when the range is narrower than this fraction of its upper end.</summary>
    public double RelativeResolution { get; init; } = 0.08;

    /// <summary>Stop when the gaps on both sides of a grey region are narrower than this fraction of their upper ends.</summary>
    public double GreyResolution { get; init; } = 0.12;

    /// <summary>Streams per fleet (pathload: 12).</summary>
    public int StreamsPerFleet { get; init; } = 12;

    /// <summary>Packets per stream (pathload: 100).</summary>
    public int PacketsPerStream { get; init; } = 100;

    /// <summary>UDP payload bytes per probe packet.</summary>
    public int PacketSize { get; init; } = 1000;

    /// <summary>Fraction of a fleet that must agree for a decisive fleet verdict (pathload: 0.7); otherwise the fleet is grey.</summary>
    public double FleetAgreement { get; init; } = 0.7;

    /// <summary>Probe payload bytes one estimate may send; a fleet starts only if a full fleet fits, and no stream is sent past it.</summary>
    public long MaxProbeBytes { get; init; } = 16_000_000;

    /// <summary>Most fleets one estimate runs.</summary>
    public int MaxFleets { get; init; } = 24;

    /// <summary>Pause between streams so the path drains the previous stream's queue.</summary>
    public TimeSpan InterStreamGap { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// A stream whose paced rate falls short of the requested rate by more than this fraction is sender-limited
    /// and discarded (sent again); more than half a fleet's worth of discards stops the search as <see cref="EstimateStopReason.SenderLimited"/>.
    /// </summary>
    public double RateTolerance { get; init; } = 0.1;

    /// <summary>Trend thresholds.</summary>
    public TrendOptions Trend { get; init; } = new();

    /// <summary>Payload bytes of one full fleet.</summary>
    public long FleetBytes => (long)StreamsPerFleet * PacketsPerStream * PacketSize;

    /// <summary>Throws <see cref="ArgumentException"/> for settings the search cannot run with.</summary>
    public void Validate()
    {
        if (!(MinimumRate.BitsPerSecond > 0) || MaximumRate <= MinimumRate)
        {
            throw new ArgumentException($"need 0 < minimum rate ({MinimumRate.BitsPerSecond} bit/s) < maximum rate ({MaximumRate.BitsPerSecond} bit/s)");
        }

        if (StreamsPerFleet < 1 || PacketsPerStream < 2 * Trend.MinimumGroups || PacketSize < 1 || MaxFleets < 1)
        {
            throw new ArgumentException("a fleet needs at least one stream, enough packets for the trend groups, positive packet size and fleet count");
        }

        if (RelativeResolution < 0 || GreyResolution < 0 || RateTolerance is < 0 or >= 1 || InterStreamGap < TimeSpan.Zero)
        {
            throw new ArgumentException("resolutions, rate tolerance and inter-stream gap must be non-negative (tolerance below 1)");
        }

        Trend.Validate();
    }
}
