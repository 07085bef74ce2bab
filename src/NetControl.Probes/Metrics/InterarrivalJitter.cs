namespace NetControl.Probes.Metrics;

/// <summary>
/// RFC 3550 (section 6.4.1, appendix A.8) interarrival jitter, the figure iperf3 reports: for consecutive arrivals
/// i-1, i with transit times T, D = T(i) - T(i-1) and J += (|D| - J) / 16, updated in arrival order. For a STAMP
/// round trip the transit is the round-trip delay (reflector residence removed), so no clock sync is needed.
/// Kept in fractional ticks so the filter does not accumulate rounding.
/// </summary>
public sealed class InterarrivalJitter
{
    private TimeSpan? _previousTransit;

    /// <summary>The current estimate in 100 ns ticks, unrounded.</summary>
    public double Ticks { get; private set; }

    /// <summary>The current estimate, rounded to the tick.</summary>
    public TimeSpan Value => TimeSpan.FromTicks((long)Math.Round(Ticks, MidpointRounding.AwayFromZero));

    /// <summary>Number of transits seen.</summary>
    public long Samples { get; private set; }

    /// <summary>Feeds the transit time of the next packet to arrive.</summary>
    public void Update(TimeSpan transit)
    {
        if (_previousTransit is { } previous)
        {
            var d = Math.Abs((double)(transit - previous).Ticks);
            Ticks += (d - Ticks) / 16;
        }

        _previousTransit = transit;
        Samples++;
    }

    /// <summary>The jitter after feeding <paramref name="transitsInArrivalOrder"/> to a fresh estimator.</summary>
    public static InterarrivalJitter Compute(IEnumerable<TimeSpan> transitsInArrivalOrder)
    {
        ArgumentNullException.ThrowIfNull(transitsInArrivalOrder);
        var jitter = new InterarrivalJitter();
        foreach (var transit in transitsInArrivalOrder)
        {
            jitter.Update(transit);
        }

        return jitter;
    }
}
