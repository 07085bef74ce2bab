using NetControl.Core.LinkState;

namespace NetControl.Core.Telemetry;

/// <summary>
/// A link's quality after its latest accepted sample: the score, the measurements it came from and the probe-alarm
/// condition. <see cref="At"/> is the end of the sample's interval; <see cref="Source"/> the agent that measured.
/// </summary>
public sealed record LinkQuality(
    string LinkId,
    DateTimeOffset At,
    double Quality,
    double? RttMedianMs,
    double? JitterMs,
    double LossRatio,
    double? AvailableMbpsLow,
    double? AvailableMbpsHigh,
    LinkCondition Condition,
    string Source);
