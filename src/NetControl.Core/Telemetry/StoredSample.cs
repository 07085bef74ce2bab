namespace NetControl.Core.Telemetry;

/// <summary>
/// A sample as the history ring keeps it: 80 bytes instead of <see cref="LinkSample"/>'s 128 (no link id, UTC ticks,
/// NaN for an absent value, which validation guarantees a real value never is). An hour of 1 s samples is ~290 KB a link.
/// </summary>
internal readonly struct StoredSample
{
    private readonly string _source;
    private readonly long _startTicks;
    private readonly long _intervalTicks;
    private readonly long _sent;
    private readonly long _lost;
    private readonly double _lossRatio;
    private readonly double _rttMs;
    private readonly double _jitterMs;
    private readonly double _availableLow;
    private readonly double _availableHigh;

    public StoredSample(in LinkSample sample)
    {
        _source = sample.Source;
        _startTicks = sample.IntervalStart.UtcTicks;
        _intervalTicks = sample.Interval.Ticks;
        _sent = sample.Sent;
        _lost = sample.Lost;
        _lossRatio = sample.LossRatio;
        _rttMs = sample.RttMedianMs ?? double.NaN;
        _jitterMs = sample.JitterMs ?? double.NaN;
        _availableLow = sample.AvailableMbpsLow ?? double.NaN;
        _availableHigh = sample.AvailableMbpsHigh ?? double.NaN;
    }

    public long StartTicks => _startTicks;

    /// <summary>The sample again, its interval start in UTC.</summary>
    public LinkSample ToSample(string linkId) => new(
        linkId,
        _source,
        new DateTimeOffset(_startTicks, TimeSpan.Zero),
        new TimeSpan(_intervalTicks),
        _sent,
        _lost,
        _lossRatio,
        Optional(_rttMs),
        Optional(_jitterMs),
        Optional(_availableLow),
        Optional(_availableHigh));

    private static double? Optional(double value) => double.IsNaN(value) ? null : value;
}
