namespace NetControl.Probes.Bandwidth;

/// <summary>Settings of <see cref="UdpStreamProber"/>.</summary>
public sealed record UdpStreamProberOptions
{
    /// <summary>Wait after a stream's last packet before asking for its report: packets still in flight after it count as lost (RFC 7680's Tmax).</summary>
    public TimeSpan DrainWait { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Wait for one report datagram before asking again.</summary>
    public TimeSpan ReportTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Requests per report datagram before giving up with a transient <see cref="BandwidthProbeException"/>.</summary>
    public int ReportAttempts { get; init; } = 3;

    /// <summary>Periods longer than this are slept through (less the margin) instead of spun, to spare a core at low rates.</summary>
    public TimeSpan SpinMargin { get; init; } = TimeSpan.FromMilliseconds(1.5);
}
