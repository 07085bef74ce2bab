using System.Globalization;
using NetControl.Core.LinkState;

namespace NetControl.Core.Telemetry;

/// <summary>
/// One link's <see cref="ProbeAlarmPolicy"/> state: run lengths of down-level, bad, clean and not-down samples, the
/// best RTT median seen, and the current condition. Allocates only the cause string of a change. Not thread-safe.
/// </summary>
internal sealed class ProbeAlarmMachine
{
    private readonly ProbeAlarmPolicy _policy;
    private int _downRun;
    private int _notDownRun;
    private int _badRun;
    private int _cleanRun;
    private double _bestRttMs = double.PositiveInfinity;

    public ProbeAlarmMachine(ProbeAlarmPolicy policy) => _policy = policy;

    public LinkCondition Condition { get; private set; } = LinkCondition.Up;

    /// <summary>Feeds one sample; when the condition changes returns true with the one-line cause.</summary>
    public bool Observe(in LinkSample sample, out LinkCondition previous, out string? cause)
    {
        previous = Condition;
        cause = null;
        double bestBefore = _bestRttMs;
        bool down = sample.LossRatio >= _policy.DownLossRatio;
        bool lossBad = sample.LossRatio > _policy.DegradedLossRatio;
        bool rttBad = _policy.RttDegradedFactor is { } factor && sample.RttMedianMs is { } rtt
            && double.IsFinite(bestBefore) && rtt > bestBefore * factor;
        if (sample.RttMedianMs is { } measured && measured < _bestRttMs)
        {
            _bestRttMs = measured;
        }

        bool bad = down || lossBad || rttBad;
        _downRun = down ? _downRun + 1 : 0;
        _notDownRun = down ? 0 : _notDownRun + 1;
        _badRun = bad ? _badRun + 1 : 0;
        _cleanRun = bad ? 0 : _cleanRun + 1;

        if (Condition != LinkCondition.Down && _downRun >= _policy.DownIntervals)
        {
            cause = Describe(sample, "loss {0:0.0}% >= {1:0.0}% for {2} intervals (agent {3})", _policy.DownLossRatio, _downRun);
            Condition = LinkCondition.Down;
        }
        else if (Condition == LinkCondition.Up && _badRun >= _policy.DegradedIntervals)
        {
            cause = lossBad
                ? Describe(sample, "loss {0:0.0}% > {1:0.0}% for {2} intervals (agent {3})", _policy.DegradedLossRatio, _badRun)
                : string.Format(
                    CultureInfo.InvariantCulture,
                    "rtt {0:0.0} ms > {1:0.0#} x best {2:0.0} ms for {3} intervals (agent {4})",
                    sample.RttMedianMs,
                    _policy.RttDegradedFactor,
                    bestBefore,
                    _badRun,
                    sample.Source);
            Condition = LinkCondition.Degraded;
        }
        else if (Condition == LinkCondition.Degraded && _cleanRun >= _policy.ClearIntervals)
        {
            cause = Describe(sample, "loss {0:0.0}% <= {1:0.0}% for {2} intervals (agent {3})", _policy.DegradedLossRatio, _cleanRun);
            Condition = LinkCondition.Up;
        }
        else if (Condition == LinkCondition.Down && _notDownRun >= _policy.ClearIntervals)
        {
            bool clean = _cleanRun >= _policy.ClearIntervals;
            cause = clean
                ? Describe(sample, "loss {0:0.0}% <= {1:0.0}% for {2} intervals (agent {3})", _policy.DegradedLossRatio, _cleanRun)
                : Describe(sample, "loss {0:0.0}% < {1:0.0}% for {2} intervals (agent {3})", _policy.DownLossRatio, _notDownRun);
            Condition = clean ? LinkCondition.Up : LinkCondition.Degraded;
        }

        return cause is not null;
    }

    private static string Describe(in LinkSample sample, string format, double thresholdRatio, int intervals) =>
        string.Format(CultureInfo.InvariantCulture, format, sample.LossRatio * 100, thresholdRatio * 100, intervals, sample.Source);
}
