namespace NetControl.Core.Telemetry;

/// <summary>Running sums of one bucket. A struct kept in the aggregator's dictionaries: adding a sample allocates nothing.</summary>
internal struct RollupAccumulator
{
    private long _samples;
    private long _sent;
    private long _lost;
    private long _rttCount;
    private double _rttSum;
    private double _rttMin;
    private double _rttMax;
    private long _jitterCount;
    private double _jitterSum;
    private long _availableCount;
    private double _availableSum;

    public void Add(in LinkSample sample)
    {
        _samples++;
        _sent += sample.Sent;
        _lost += sample.Lost;
        if (sample.RttMedianMs is { } rtt)
        {
            _rttMin = _rttCount == 0 ? rtt : Math.Min(_rttMin, rtt);
            _rttMax = _rttCount == 0 ? rtt : Math.Max(_rttMax, rtt);
            _rttSum += rtt;
            _rttCount++;
        }

        if (sample.JitterMs is { } jitter)
        {
            _jitterSum += jitter;
            _jitterCount++;
        }

        double? available = (sample.AvailableMbpsLow, sample.AvailableMbpsHigh) switch
        {
            ({ } low, { } high) => (low + high) / 2,
            ({ } low, null) => low,
            (null, { } high) => high,
            _ => null,
        };
        if (available is { } mbps)
        {
            _availableSum += mbps;
            _availableCount++;
        }
    }

    public readonly TelemetryRollup ToRollup(string linkId, RollupResolution resolution, long bucketTicks, string origin) =>
        new(
            linkId,
            resolution,
            new DateTimeOffset(bucketTicks, TimeSpan.Zero),
            _samples,
            _sent,
            _lost,
            _rttCount == 0 ? null : _rttMin,
            _rttCount == 0 ? null : _rttSum / _rttCount,
            _rttCount == 0 ? null : _rttMax,
            _jitterCount == 0 ? null : _jitterSum / _jitterCount,
            _availableCount == 0 ? null : _availableSum / _availableCount)
        {
            Origin = origin,
            RttSamples = _rttCount,
            JitterSamples = _jitterCount,
            AvailableSamples = _availableCount,
        };
}
