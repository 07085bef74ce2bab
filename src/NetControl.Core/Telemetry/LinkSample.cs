namespace NetControl.Core.Telemetry;

/// <summary>
/// One probe agent's summary of one measurement interval on one link (STAMP/TWAMP-Light test packets).
/// </summary>
/// <param name="LinkId">Topology link id the agent probed.</param>
/// <param name="Source">Id of the probe agent that measured (used in alarm causes and duplicate detection).</param>
/// <param name="IntervalStart">Start of the measured interval (the agent's clock).</param>
/// <param name="Interval">Length of the interval; strictly positive.</param>
/// <param name="Sent">Test packets sent in the interval.</param>
/// <param name="Lost">Test packets not answered; at most <paramref name="Sent"/>.</param>
/// <param name="LossRatio">Lost fraction in [0, 1] (not percent).</param>
/// <param name="RttMedianMs">Median round-trip time in milliseconds; null when nothing came back.</param>
/// <param name="JitterMs">Jitter (mean absolute RTT variation) in milliseconds; null when unmeasured.</param>
/// <param name="AvailableMbpsLow">Lower bound of the available-bandwidth estimate in Mbit/s, when measured.</param>
/// <param name="AvailableMbpsHigh">Upper bound of the available-bandwidth estimate in Mbit/s, when measured.</param>
public readonly record struct LinkSample(
    string LinkId,
    string Source,
    DateTimeOffset IntervalStart,
    TimeSpan Interval,
    long Sent,
    long Lost,
    double LossRatio,
    double? RttMedianMs,
    double? JitterMs,
    double? AvailableMbpsLow,
    double? AvailableMbpsHigh)
{
    /// <summary>End of the interval: the time the sample speaks for.</summary>
    public DateTimeOffset IntervalEnd => IntervalStart + Interval;
}
