namespace NetControl.Probes.Metrics;

/// <summary>
/// Inter-packet delay variation (RFC 3393, RFC 5481 section 4.1): for every pair of packets with consecutive
/// sequence numbers (s, s+1) that were both received, IPDV = D(s+1) - D(s), D being the delay (here the round-trip
/// delay). A pair with a lost member contributes nothing. Reported as the mean and the nearest-rank 95th percentile of
/// the absolute values.
/// </summary>
/// <param name="Pairs">Number of consecutive received pairs.</param>
/// <param name="MeanAbsolute">Mean of |IPDV|, rounded to the tick.</param>
/// <param name="P95Absolute">Nearest-rank 95th percentile of |IPDV|.</param>
/// <param name="MaxAbsolute">Largest |IPDV|.</param>
public sealed record IpdvStatistics(int Pairs, TimeSpan MeanAbsolute, TimeSpan P95Absolute, TimeSpan MaxAbsolute)
{
    /// <summary>IPDV over <paramref name="delaysBySequence"/> (any order, sequence numbers unique), or null when no pair is complete.</summary>
    public static IpdvStatistics? From(IEnumerable<(long Sequence, TimeSpan Delay)> delaysBySequence)
    {
        ArgumentNullException.ThrowIfNull(delaysBySequence);
        var ordered = delaysBySequence.OrderBy(p => p.Sequence).ToArray();
        var variations = new List<TimeSpan>();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Sequence == ordered[i - 1].Sequence + 1)
            {
                variations.Add((ordered[i].Delay - ordered[i - 1].Delay).Duration());
            }
        }

        if (variations.Count == 0)
        {
            return null;
        }

        variations.Sort();
        var mean = (long)Math.Round(variations.Average(v => (double)v.Ticks), MidpointRounding.AwayFromZero);
        return new IpdvStatistics(variations.Count, TimeSpan.FromTicks(mean), Percentile.NearestRank(variations, 95), variations[^1]);
    }
}
