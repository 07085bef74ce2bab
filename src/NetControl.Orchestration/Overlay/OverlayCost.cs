namespace NetControl.Orchestration.Overlay;

/// <summary>
/// The cost of an overlay link: MonALISA's link quality <c>1000 / (1 + rtt + 7 loss + 8 jitter)</c> turned into a
/// cost, <c>1 + rtt + 7 loss + 8 jitter</c> (rtt and jitter in ms, loss in percent), so that a tree's cost adds up
/// along its links. A link that is down, or that no probe crossed, costs +infinity: the tree must not use it.
/// </summary>
public sealed record OverlayCost
{
    public static OverlayCost MonAlisa { get; } = new();

    public double Constant { get; init; } = 1;

    public double PerRttMs { get; init; } = 1;

    public double PerLossPercent { get; init; } = 7;

    public double PerJitterMs { get; init; } = 8;

    /// <summary>The cost of a link with <paramref name="m"/>; +infinity when it is down or unmeasured; NaN inputs count as unmeasured.</summary>
    public double Of(OverlayMeasurement m)
    {
        if (m.Down || m.RttMs is not { } rtt || !double.IsFinite(rtt) || rtt < 0 || !double.IsFinite(m.LossRatio) || m.LossRatio is < 0 or > 1)
        {
            return double.PositiveInfinity;
        }

        double jitter = m.JitterMs is { } j && double.IsFinite(j) && j >= 0 ? j : 0;
        return Constant + (PerRttMs * rtt) + (PerLossPercent * 100 * m.LossRatio) + (PerJitterMs * jitter);
    }

    /// <summary>The cost before any measurement: the RTT the link's one-way latency implies, nothing lost.</summary>
    public double Expected(double oneWayLatencyMs) => Constant + (PerRttMs * 2 * oneWayLatencyMs);
}
