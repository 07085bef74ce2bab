namespace NetControl.Core.Telemetry;

/// <summary>
/// When probe measurements mark a link degraded or down, and when they clear it. One accepted sample counts as one
/// interval. A sample is <i>down-level</i> when its loss ratio is at least <see cref="DownLossRatio"/>, <i>bad</i> when
/// its loss ratio exceeds <see cref="DegradedLossRatio"/> or (with <see cref="RttDegradedFactor"/> set) its RTT median
/// exceeds that factor times the link's best median, and <i>clean</i> otherwise.
/// <list type="bullet">
/// <item>Up or Degraded → Down after <see cref="DownIntervals"/> consecutive down-level samples.</item>
/// <item>Up → Degraded after <see cref="DegradedIntervals"/> consecutive bad (or down-level) samples.</item>
/// <item>Degraded → Up after <see cref="ClearIntervals"/> consecutive clean samples.</item>
/// <item>Down → Up after <see cref="ClearIntervals"/> consecutive clean samples, or → Degraded after as many
/// consecutive samples that are not down-level but not all clean.</item>
/// </list>
/// Input that alternates between good and bad faster than these counts leaves the condition where it is (hysteresis).
/// </summary>
public sealed record ProbeAlarmPolicy
{
    /// <summary>Loss ratio (0-1) above which a sample is bad. Default 0.02 (2 %).</summary>
    public double DegradedLossRatio { get; init; } = 0.02;

    /// <summary>Consecutive bad samples that mark an up link degraded. Default 3.</summary>
    public int DegradedIntervals { get; init; } = 3;

    /// <summary>Loss ratio (0-1) at or above which a sample is down-level. Default 0.9.</summary>
    public double DownLossRatio { get; init; } = 0.9;

    /// <summary>Consecutive down-level samples that mark a link down. Default 2.</summary>
    public int DownIntervals { get; init; } = 2;

    /// <summary>Consecutive samples below the current level needed to leave Degraded or Down. Default 3.</summary>
    public int ClearIntervals { get; init; } = 3;

    /// <summary>
    /// When set (greater than 1), a sample whose RTT median exceeds this factor times the link's best (lowest) median
    /// so far is bad. Null (the default) turns RTT-based degradation off.
    /// </summary>
    public double? RttDegradedFactor { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for thresholds out of range or counts below 1.</summary>
    public void Validate()
    {
        if (!(DegradedLossRatio >= 0 && DegradedLossRatio < DownLossRatio && DownLossRatio <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(DegradedLossRatio), DegradedLossRatio, $"need 0 <= DegradedLossRatio < DownLossRatio ({DownLossRatio}) <= 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(DegradedIntervals, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DownIntervals, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ClearIntervals, 1);
        if (RttDegradedFactor is { } factor && !(double.IsFinite(factor) && factor > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RttDegradedFactor), factor, "the RTT factor must be finite and greater than 1");
        }
    }
}
