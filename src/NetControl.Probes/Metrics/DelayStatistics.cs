namespace NetControl.Probes.Metrics;

/// <summary>
/// Summary of the delays of the packets received in an interval (lost packets have no delay and are not included).
/// Percentiles are nearest-rank (<see cref="Percentile"/>).
/// </summary>
/// <param name="Count">Number of delays.</param>
/// <param name="Min">Smallest delay.</param>
/// <param name="Median">Nearest-rank 50th percentile.</param>
/// <param name="P95">Nearest-rank 95th percentile.</param>
/// <param name="Max">Largest delay.</param>
/// <param name="Mean">Arithmetic mean, rounded to the tick.</param>
public sealed record DelayStatistics(int Count, TimeSpan Min, TimeSpan Median, TimeSpan P95, TimeSpan Max, TimeSpan Mean)
{
    /// <summary>PDV as owping reports it (RFC 5481 delay variation against the median): P95 - P50.</summary>
    public TimeSpan Pdv => P95 - Median;

    /// <summary>Statistics of <paramref name="delays"/>, or null when there are none.</summary>
    public static DelayStatistics? From(IEnumerable<TimeSpan> delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        var sorted = delays.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var sum = sorted.Aggregate(Int128.Zero, (total, d) => total + d.Ticks);
        var mean = (long)Math.Round((double)sum / sorted.Length, MidpointRounding.AwayFromZero);
        return new DelayStatistics(sorted.Length, sorted[0], Percentile.NearestRank(sorted, 50), Percentile.NearestRank(sorted, 95), sorted[^1], TimeSpan.FromTicks(mean));
    }
}
