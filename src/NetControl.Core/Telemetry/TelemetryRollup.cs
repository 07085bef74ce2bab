namespace NetControl.Core.Telemetry;

/// <summary>
/// The samples of one link in one UTC-aligned bucket, summarised. Counts are sums; RTT min/avg/max are over the RTT
/// medians of the samples that had one (<see cref="RttSamples"/> of them), jitter over the samples with jitter, and
/// available bandwidth over the samples with an estimate (the midpoint of low and high, or the one bound given), in
/// Mbit/s. Milliseconds throughout.
/// </summary>
/// <param name="LinkId">The link.</param>
/// <param name="Resolution">Bucket length.</param>
/// <param name="BucketStart">Start of the bucket (UTC, aligned).</param>
/// <param name="Samples">Samples aggregated.</param>
/// <param name="Sent">Test packets sent, summed.</param>
/// <param name="Lost">Test packets lost, summed.</param>
/// <param name="RttMinMs">Lowest RTT median.</param>
/// <param name="RttAvgMs">Mean of the RTT medians.</param>
/// <param name="RttMaxMs">Highest RTT median.</param>
/// <param name="JitterAvgMs">Mean jitter.</param>
/// <param name="AvailableMbpsAvg">Mean available bandwidth.</param>
public sealed record TelemetryRollup(
    string LinkId,
    RollupResolution Resolution,
    DateTimeOffset BucketStart,
    long Samples,
    long Sent,
    long Lost,
    double? RttMinMs,
    double? RttAvgMs,
    double? RttMaxMs,
    double? JitterAvgMs,
    double? AvailableMbpsAvg)
{
    /// <summary>
    /// Who aggregated this bucket (a <see cref="RollupAggregator"/> instance). Stores keep one row per origin and
    /// bucket, so a retried write replaces its own row while a second process's part of the same bucket adds to it.
    /// Empty when unknown or when a read merged several origins.
    /// </summary>
    public string Origin { get; init; } = "";

    /// <summary>Samples that had an RTT median (the weight of <see cref="RttAvgMs"/> when buckets merge).</summary>
    public long RttSamples { get; init; }

    /// <summary>Samples that had a jitter value (the weight of <see cref="JitterAvgMs"/>).</summary>
    public long JitterSamples { get; init; }

    /// <summary>Samples that had a bandwidth estimate (the weight of <see cref="AvailableMbpsAvg"/>).</summary>
    public long AvailableSamples { get; init; }

    /// <summary>Lost over sent, 0 when nothing was sent.</summary>
    public double LossRatio => Sent == 0 ? 0 : (double)Lost / Sent;

    /// <summary>End of the bucket (exclusive).</summary>
    public DateTimeOffset BucketEnd => BucketStart + RollupBuckets.Length(Resolution);
}
