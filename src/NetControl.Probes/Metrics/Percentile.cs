namespace NetControl.Probes.Metrics;

/// <summary>
/// Nearest-rank percentiles: the P-th percentile of n sorted values is the value at rank ceil(P/100 * n) (1-based),
/// so it is always an observed value (the median of an even count is the lower middle value).
/// </summary>
public static class Percentile
{
    /// <summary>The nearest-rank <paramref name="percent"/> of <paramref name="sorted"/> (ascending, not empty).</summary>
    /// <exception cref="ArgumentException"><paramref name="sorted"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside 0..100.</exception>
    public static TimeSpan NearestRank(IReadOnlyList<TimeSpan> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
