namespace NetControl.Simulators.Network.Truth;

/// <summary>
/// Summary of a set of durations. <see cref="Count"/> and <see cref="Mean"/> cover every sample since the last
/// reset; <see cref="Median"/>, <see cref="P99"/> and <see cref="Max"/> cover the most recent window of samples
/// (65,536 by default).
/// </summary>
public sealed record DelayStatistics(long Count, TimeSpan Mean, TimeSpan Median, TimeSpan P99, TimeSpan Max)
{
    /// <summary>No samples.</summary>
    public static DelayStatistics Empty { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public override string ToString() =>
        $"n={Count} mean={Mean.TotalMicroseconds:F1}us median={Median.TotalMicroseconds:F1}us p99={P99.TotalMicroseconds:F1}us max={Max.TotalMicroseconds:F1}us";
}
